using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>What an engine expression in a golden table returns: one tensor, or several (e.g. values and indices).</summary>
internal sealed class GoldenOutputs(params Tensor[] tensors)
{
    public Tensor[] Tensors { get; } = tensors;

    public static implicit operator GoldenOutputs(Tensor tensor) => new(tensor);
    public static implicit operator GoldenOutputs(Tensor[] tensors) => new(tensors);
    public static implicit operator GoldenOutputs((Tensor, Tensor) pair) => new(pair.Item1, pair.Item2);
}

/// <summary>
/// Replays one op case from a golden file: builds the inputs PyTorch used, runs the engine
/// expression, compares every output, then backpropagates Σᵢ (outputᵢ · Wᵢ).sum() with PyTorch's W
/// and compares each input's gradient (null where PyTorch has none).
/// </summary>
internal static class OpGoldens
{
    public static void Check(string fileName, IReadOnlyDictionary<string, Func<Tensor[], GoldenOutputs>> table, string name)
    {
        var json = GoldenFile.Load(fileName).Case(name, table, out var expression);
        CheckForwardAndBackward(name, json, expression);
    }

    /// <summary>The op-case checks on a case's JSON; layer cases reuse them with the module call as the expression.</summary>
    public static void CheckForwardAndBackward(string name, JsonElement json, Func<Tensor[], GoldenOutputs> expression)
    {
        var inputs = GoldenTensor.ParseList(json.GetProperty("inputs")).Select(t => t.ToTensor()).ToArray();
        var expectedOutputs = GoldenTensor.ParseList(json.GetProperty("outputs"));
        var weights = GoldenTensor.ParseListOrNull(json.GetProperty("weights"));
        var expectedGrads = GoldenTensor.ParseListOrNull(json.GetProperty("grads"));

        var outputs = expression(inputs).Tensors;
        Assert.True(outputs.Length == expectedOutputs.Length, $"{name}: {outputs.Length} outputs, PyTorch gives {expectedOutputs.Length}.");
        var computedInFloat32 = inputs.Concat(outputs).Any(t => t.dtype == ScalarType.Float32);
        for (var i = 0; i < outputs.Length; i++)
            GoldenAssert.Close(expectedOutputs[i], outputs[i], $"{name}: output {i}", computedInFloat32);

        Backward(name, outputs, weights);
        for (var i = 0; i < inputs.Length; i++)
        {
            if (expectedGrads[i] is { } expected)
                GoldenAssert.Close(expected, inputs[i].grad, $"{name}: gradient of input {i}", computedInFloat32);
            else
                Assert.True(inputs[i].grad is null, $"{name}: input {i} got a gradient, but in PyTorch it gets none.");
        }
    }

    private static void Backward(string name, Tensor[] outputs, GoldenTensor?[] weights)
    {
        Tensor? loss = null;
        for (var i = 0; i < outputs.Length; i++)
        {
            var differentiable = weights[i] is not null;
            Assert.True(outputs[i].requires_grad == differentiable,
                $"{name}: output {i} has requires_grad = {outputs[i].requires_grad}, in PyTorch {differentiable}.");
            if (weights[i] is not { } weight) continue;
            var term = (outputs[i] * weight.ToTensor()).sum();
            loss = loss is null ? term : loss + term;
        }
        loss?.backward();
    }
}
