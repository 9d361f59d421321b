using System.Text;
using Course.Datasets;

namespace Course.Tests.Datasets;

public sealed class MaunaLoaCO2Tests : IDisposable
{
    private readonly TempIdxFolder _files = new();

    public void Dispose() => _files.Dispose();

    private string WriteCsv(string text) => _files.Write("co2.csv", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_committed_copy_holds_the_weekly_record_with_its_gaps()
    {
        var co2 = Data.MaunaLoaCO2();
        Assert.Equal(2284, co2.Values.Count);
        Assert.Equal(2284, co2.Dates.Count);
        Assert.Equal(59, co2.MissingCount);
        Assert.Equal(new DateOnly(1958, 3, 29), co2.Dates[0]);
        Assert.Equal(316.1, co2.Values[0]);
        Assert.Equal(new DateOnly(2001, 12, 29), co2.Dates[^1]);
        Assert.Equal(371.5, co2.Values[^1]);
        Assert.True(double.IsNaN(co2.Values[6])); // 1958-05-10, the first missing week
        Assert.Equal(0, co2.FillGapsLinearly().MissingCount);
    }

    [Fact]
    public void Root_may_be_the_file_or_its_folder()
    {
        var path = WriteCsv("date,co2\n19580329,316.1\n19580405,\n19580412,317.5\n");
        foreach (var root in new[] { path, _files.Path })
        {
            var co2 = Data.MaunaLoaCO2(root);
            Assert.Equal(3, co2.Values.Count);
            Assert.Equal(1, co2.MissingCount);
            Assert.Equal(new DateOnly(1958, 4, 12), co2.Dates[2]);
        }
        Assert.Equal(new[] { 316.1, 316.8, 317.5 }, Data.MaunaLoaCO2(path).FillGapsLinearly().Values.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_has_no_rows()
    {
        var empty = WriteCsv("");
        var error = Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(empty));
        Assert.Contains(empty, error.Message);
        Assert.Contains("no rows", error.Message);
        WriteCsv("date,co2\n");
        Assert.Contains("no rows after the header", Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(_files.Path)).Message);
    }

    [Fact]
    public void Bad_lines_are_refused_naming_the_file_and_line()
    {
        var path = WriteCsv("date,co2\n19580329,316.1\n1958-04-05,317.3\n");
        var error = Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(path));
        Assert.Contains($"{path}, line 3", error.Message);
        Assert.Contains("yyyyMMdd", error.Message);

        WriteCsv("date,co2\n19580329,316.1\n19580405,high\n");
        Assert.Contains("line 3: CO2 value \"high\"", Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(path)).Message);
        WriteCsv("date,co2\n19580329,316.1,x\n");
        Assert.Contains("line 2: expected 2 fields", Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(path)).Message);
        WriteCsv("day,value\n19580329,316.1\n");
        Assert.Contains("line 1: expected the header", Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(path)).Message);
        WriteCsv("date,co2\n19580405,316.1\n19580329,316.1\n");
        Assert.Contains("line 3: date 1958-03-29 does not come after", Assert.Throws<InvalidDataException>(() => Data.MaunaLoaCO2(path)).Message);
    }

    [Fact]
    public void A_missing_file_names_every_place_and_the_Debian_package()
    {
        var candidates = MaunaLoaCo2.Candidates(_files.Path);
        Assert.Equal(Path.Combine(_files.Path, "co2.csv"), candidates[0]);
        Assert.Equal(MaunaLoaCo2.DebianPath, candidates[^1]);

        var absent = Path.Combine(_files.Path, "co2.csv");
        var error = Assert.Throws<FileNotFoundException>(() => MaunaLoaCo2.Find([absent, "/nonexistent/co2.csv"]));
        Assert.Contains($"Looked in: {absent}, /nonexistent/co2.csv", error.Message);
        Assert.Contains("sudo apt-get install python3-statsmodels", error.Message);
    }
}
