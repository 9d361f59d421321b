using System.Text.Json.Nodes;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;

namespace Course.Notebooks.Tests;

public class NotebookFormatTests
{
    private const string Sample = """
        {
         "cells": [
          { "cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title\n", "text"] },
          { "cell_type": "code", "execution_count": 3, "id": "code-1", "metadata": { "tags": ["x"] },
            "source": "var x = 1;\nx",
            "outputs": [
              { "output_type": "stream", "name": "stdout", "text": ["a\n", "b"] },
              { "output_type": "execute_result", "execution_count": 3, "metadata": {},
                "data": { "text/plain": ["1"], "application/vnd.plotly.v1+json": { "data": [{ "x": [1, 2] }] } } },
              { "output_type": "error", "ename": "E", "evalue": "bad", "traceback": ["line 1", "line 2"] }
            ] }
         ],
         "metadata": { "kernelspec": { "name": "custom", "display_name": "Custom" } },
         "nbformat": 4,
         "nbformat_minor": 4
        }
        """;

    [Fact]
    public void Reads_sources_as_strings_or_lists_and_outputs_of_each_type()
    {
        var notebook = NotebookReader.Read(Sample);
        Assert.Equal(2, notebook.Cells.Count);
        Assert.Equal("# Title\ntext", notebook.Cells[0].Source);
        var code = notebook.Cells[1];
        Assert.Equal("var x = 1;\nx", code.Source);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal("a\nb", code.Outputs[0].Text);
        Assert.Equal("1", code.Outputs[1].Data!["text/plain"]);
        Assert.Equal("""{"data":[{"x":[1,2]}]}""", code.Outputs[1].Data!["application/vnd.plotly.v1+json"]);
        Assert.Equal(["line 1", "line 2"], code.Outputs[2].Traceback);
    }

    [Fact]
    public void Round_trip_keeps_everything_and_writes_jupyter_layout()
    {
        var written = NotebookWriter.Write(NotebookReader.Read(Sample));
        Assert.Equal(written, NotebookWriter.Write(NotebookReader.Read(written)));
        Assert.Contains("\n  \"cells\": [\n", written);
        Assert.Contains("\"source\": [\n        \"var x = 1;\\n\",\n        \"x\"\n      ]", written);
        Assert.EndsWith("}\n", written);

        var json = JsonNode.Parse(written)!;
        Assert.Equal(5, (int)json["nbformat_minor"]!);
        // JSON MIME data stays JSON.
        Assert.Equal(2, (int)json["cells"]![1]!["outputs"]![1]!["data"]!["application/vnd.plotly.v1+json"]!["data"]![0]!["x"]![1]!);
        // A kernelspec already set is kept; the C# cell metadata is added.
        Assert.Equal("custom", (string)json["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("C#", (string)json["metadata"]!["language_info"]!["name"]!);
        Assert.Equal("csharp", (string)json["cells"]![1]!["metadata"]!["dotnet_interactive"]!["language"]!);
        Assert.Equal("csharp", (string)json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("x", (string)json["cells"]![1]!["metadata"]!["tags"]![0]!);
        Assert.Null(json["cells"]![0]!["outputs"]);
    }

    [Fact]
    public void New_notebook_gets_the_dotnet_kernelspec()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell { Source = "1" });
        notebook.Cells[0].Outputs.Add(NotebookOutput.Display(new DisplayOutput(new Dictionary<string, string> { ["text/html"] = "<b>é</b>" })));
        var written = NotebookWriter.Write(notebook);
        var json = JsonNode.Parse(written)!;
        Assert.Equal(".net-csharp", (string)json["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal(".NET (C#)", (string)json["metadata"]!["kernelspec"]!["display_name"]!);
        Assert.Contains("\"<b>é</b>\"", written);
        Assert.Matches("^[a-f0-9]{12}$", (string)json["cells"]![0]!["id"]!);
    }

    [Theory]
    [InlineData("not json at all", "is not valid JSON")]
    [InlineData("[1, 2]", "a notebook is a JSON object")]
    [InlineData("""{ "nbformat": 4, "nbformat_minor": 5, "metadata": {} }""", "has no \"cells\" list")]
    [InlineData("""{ "nbformat": 3, "cells": [] }""", "is nbformat 3; only nbformat 4")]
    [InlineData("""{ "cells": [] }""", "has no \"nbformat\" version")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "code", "metadata": {} } ] }""", "cell 1 has no \"source\"")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "code", "source": 5 } ] }""", "must be a string or a list of strings")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "python", "source": "" } ] }""", "cell_type \"python\"")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "code", "source": "", "outputs": [ { "output_type": "weird" } ] } ] }""", "output 1 has output_type \"weird\"")]
    public void Malformed_notebooks_get_clear_errors(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Duplicate_or_missing_cell_ids_are_replaced()
    {
        var notebook = NotebookReader.Read("""
            { "nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
              { "cell_type": "code", "id": "same", "source": "" },
              { "cell_type": "code", "id": "same", "source": "" },
              { "cell_type": "code", "source": "" } ] }
            """);
        Assert.Equal(3, notebook.Cells.Select(c => c.Id).Distinct().Count());
    }
}
