using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

/// <summary>A front end that answers a cell's input requests with the given lines, in order, and keeps the prompts.</summary>
internal sealed class AnsweringSink(params string[] answers) : RecordingSink, IInputSource
{
    private readonly Queue<string> answers = new(answers);

    public List<string> Prompts { get; } = [];

    public string ReadLine(string prompt, CancellationToken cancellationToken)
    {
        lock (answers)
        {
            Prompts.Add(prompt);
            return answers.Dequeue();
        }
    }
}
