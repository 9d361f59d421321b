using System.CommandLine;
using Course.Notebooks.Export;

namespace Course.Kernel.Commands;

/// <summary>
/// <c>export &lt;notebooks or folders&gt;... --output DIR [--title TEXT]</c>: the executed notebooks as a
/// static course site (index.html, one page per notebook), readable offline and without JavaScript.
/// The library's <see cref="ExportCommand"/> owns the behaviour and exit codes; this is its command line.
/// </summary>
internal static class ExportHtmlCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("notebooks") { Description = "Executed .ipynb files or folders of them.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the site.", Required = true };
        var title = new Option<string?>("--title") { Description = "The site's title." };
        var command = new Command("export", "Export executed notebooks as a static HTML course site.") { inputs, output, title };
        command.SetAction(parse => ExportCommand.Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(title),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
