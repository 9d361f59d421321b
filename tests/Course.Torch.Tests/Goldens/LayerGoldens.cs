using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>How a layer case builds its module and calls it on the case's inputs.</summary>
internal sealed record GoldenLayer(Func<nn.Module> Make, Func<nn.Module, Tensor[], GoldenOutputs> Call)
{
    /// <summary>A tensor-to-tensor module called on the case's single input.</summary>
    public static GoldenLayer Of<TModule>(Func<TModule> make) where TModule : nn.Module<Tensor, Tensor> =>
        new(make, (module, x) => ((TModule)module).call(x[0]));

    /// <summary>The module in eval mode (e.g. Dropout, which is then the identity).</summary>
    public static GoldenLayer Eval<TModule>(Func<TModule> make) where TModule : nn.Module<Tensor, Tensor> =>
        Of(() =>
        {
            var module = make();
            module.eval();
            return module;
        });
}

/// <summary>
/// Replays a layer case: builds the engine's module, loads PyTorch's starting state_dict into it
/// (strict, so parameter names must be PyTorch's), and then checks outputs and input gradients as
/// an op case does, plus the gradient of every parameter.
/// </summary>
internal static class LayerGoldens
{
    public static void Check(string fileName, IReadOnlyDictionary<string, GoldenLayer> table, string name)
    {
        var json = GoldenFile.Load(fileName).Case(name, table, out var layer);
        var module = layer.Make();
        module.load_state_dict(json.GetProperty("state").EnumerateObject()
            .ToDictionary(entry => entry.Name, entry => GoldenTensor.Parse(entry.Value).ToTensor()));

        OpGoldens.CheckForwardAndBackward(name, json, x => layer.Call(module, x));

        var expectedGrads = json.GetProperty("param_grads").EnumerateObject()
            .ToDictionary(entry => entry.Name, entry => GoldenTensor.ParseOrNull(entry.Value));
        var parameters = module.named_parameters().ToList();
        Assert.True(parameters.Select(p => p.name).SequenceEqual(expectedGrads.Keys),
            $"{name}: parameters ({string.Join(", ", parameters.Select(p => p.name))}), PyTorch has ({string.Join(", ", expectedGrads.Keys)}).");
        foreach (var (parameterName, parameter) in parameters)
        {
            if (expectedGrads[parameterName] is { } expected)
                GoldenAssert.Close(expected, parameter.grad, $"{name}: gradient of {parameterName}");
            else
                Assert.True(parameter.grad is null, $"{name}: {parameterName} got a gradient, but in PyTorch it gets none.");
        }
    }
}
