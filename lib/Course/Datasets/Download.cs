using System.Security.Cryptography;

namespace Course.Datasets;

/// <summary>
/// Fetches a dataset file over HTTP(S) and checks it against the checksum its authors publish, so a
/// broken or tampered download is never read as data.
/// </summary>
public static class Download
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destination"/> (through a ".part" file, so an
    /// interrupted download never looks complete) and verifies its MD5.
    /// </summary>
    public static void Fetch(string url, string destination, string expectedMd5)
    {
        var partial = destination + ".part";
        try
        {
            using (var response = Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                using var body = response.Content.ReadAsStream();
                using var file = File.Create(partial);
                body.CopyTo(file);
            }
            VerifyMd5(partial, expectedMd5, url);
            File.Move(partial, destination, overwrite: true);
        }
        catch (HttpRequestException e)
        {
            File.Delete(partial);
            throw new IOException($"Could not download {url} to {destination}: {e.Message} Are you online? Otherwise copy the file there yourself.", e);
        }
    }

    /// <summary>
    /// Throws, and deletes the file, when its MD5 is not <paramref name="expectedMd5"/>;
    /// <paramref name="origin"/> says where the file came from.
    /// </summary>
    public static void VerifyMd5(string path, string expectedMd5, string origin)
    {
        string actual;
        using (var stream = File.OpenRead(path))
            actual = Convert.ToHexStringLower(MD5.HashData(stream));
        if (string.Equals(actual, expectedMd5, StringComparison.OrdinalIgnoreCase)) return;
        File.Delete(path);
        throw new InvalidDataException(
            $"{path}: checksum mismatch for {origin}: MD5 {actual}, expected {expectedMd5}. The file was deleted; the download was corrupt or the server sent something else. Try again.");
    }
}
