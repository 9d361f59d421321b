using System.Reflection;

namespace Course.Tests.Examples;

public class FirstModelTests
{
    /// <summary>
    /// Runs README's first command in quick mode: the committed Fashion-MNIST subset (2,000 training and
    /// 1,000 test images), four epochs, and the example's own accuracy check (≥ 75 %).
    /// </summary>
    [Fact]
    public void First_model_trains_on_fashion_mnist_and_reaches_its_accuracy()
    {
        var entryPoint = Assembly.Load("FirstModel").EntryPoint!;
        Environment.SetEnvironmentVariable("COURSE_QUICK", "1");
        try
        {
            var exitCode = (int)entryPoint.Invoke(null, [Array.Empty<string>()])!;
            Assert.Equal(0, exitCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COURSE_QUICK", null);
        }
    }
}
