using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// Saving a trained module's weights and loading them back, with errors that name the file. TorchSharp's own
/// <c>module.load(path)</c> reports a truncated or foreign file as "Unable to read beyond the end of the stream"
/// or a key-not-found message without the path, and by then it has already overwritten the parameters it read;
/// here a file that does not load leaves the module exactly as it was.
/// </summary>
public static class ModelFile
{
    /// <summary>Writes the module's parameters and buffers (TorchSharp's format), creating the folder.</summary>
    public static void Save(nn.Module module, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        module.save(path);
    }

    /// <summary>
    /// Loads weights saved by <see cref="Save"/> (or <c>module.save</c>) into <paramref name="module"/>, which
    /// must have the same architecture. Throws <see cref="FileNotFoundException"/> for a missing file and
    /// <see cref="InvalidDataException"/> naming the file for one that is corrupt, truncated or saved from
    /// another architecture; in both cases the module keeps its weights.
    /// </summary>
    public static T Load<T>(T module, string path) where T : nn.Module
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No model file at {Path.GetFullPath(path)}.", path);

        var before = module.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone());
        try
        {
            module.load(path, strict: true);
            return module;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Restore(module, before);
            throw new InvalidDataException(
                $"{Path.GetFullPath(path)} is not a saved {module.GetType().Name} of this architecture " +
                $"(it may be corrupt, truncated or saved from another model): {e.Message} The module's weights are unchanged.", e);
        }
        finally
        {
            foreach (var saved in before.Values) saved.Dispose();
        }
    }

    private static void Restore(nn.Module module, Dictionary<string, Tensor> saved)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in module.state_dict())
            tensor.copy_(saved[name]);
    }
}
