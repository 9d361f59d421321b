using Course.Torch.Autograd;
using Course.Torch.Tensors;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Records <paramref name="backward"/> as this result's grad_fn when grad mode is on and any
        /// input requires a gradient. Every differentiable op ends with this call, right after its forward.
        /// </summary>
        internal Tensor WithGradFn(string name, Func<Tensor, Tensor?[]> backward, params Tensor[] inputs)
        {
            if (!is_grad_enabled()) return this;
            foreach (var input in inputs)
            {
                if (!input.requires_grad) continue;
                SetGradFn(new GradFn(name, inputs, backward));
                break;
            }
            return this;
        }

        /// <summary>
        /// Computes the gradient of this tensor with respect to every leaf that requires it, and adds
        /// it to the leaf's <see cref="grad"/> (gradients accumulate until you zero them).
        /// </summary>
        /// <param name="gradient">d(something)/d(this); may be omitted only when this tensor holds one element (it is then 1).</param>
        /// <param name="retain_graph">Keep the saved values so backward can run through this graph again.</param>
        public void backward(Tensor? gradient = null, bool retain_graph = false)
        {
            if (!requires_grad)
                throw new InvalidOperationException(
                    "backward: this tensor does not require grad and has no grad_fn. Set requires_grad on the leaves (e.g. parameters) before computing it.");
            if (gradient is null)
            {
                if (numel() != 1)
                    throw new InvalidOperationException(
                        $"backward: grad can be implicitly created only for scalar outputs, but this tensor has shape [{ShapeText}]. Reduce it (e.g. .sum() or .mean()) or pass a gradient of the same shape.");
                gradient = ones_like(this);
            }
            else if (!gradient._shape.AsSpan().SequenceEqual(_shape))
            {
                throw new ArgumentException($"backward: gradient shape [{gradient.ShapeText}] does not match tensor shape [{ShapeText}].");
            }

            using (no_grad())
            {
                if (grad_fn is null)
                {
                    AccumulateIntoLeaf(this, gradient);
                    return;
                }
                var order = TopologicalOrder(grad_fn);
                var pending = new Dictionary<GradFn, Tensor> { [grad_fn] = gradient };
                StoragePool.StartRecording();
                try
                {
                    foreach (var node in order)
                    {
                        // A node whose output got no gradient (e.g. only integer indices flowed from it) is skipped.
                        if (!pending.Remove(node, out var gradOutput)) continue;
                        var gradInputs = node.Apply(gradOutput);
                        for (var i = 0; i < gradInputs.Length; i++)
                        {
                            var input = node.Inputs[i];
                            var gradInput = gradInputs[i];
                            if (gradInput is null || !input.requires_grad) continue;
                            if (!gradInput._shape.AsSpan().SequenceEqual(input._shape))
                                throw new InvalidOperationException(
                                    $"internal error: {node.Name} produced a gradient of shape [{gradInput.ShapeText}] for an input of shape [{input.ShapeText}]");
                            if (input.grad_fn is { } upstream)
                                pending[upstream] = pending.TryGetValue(upstream, out var sum) ? sum + gradInput : gradInput;
                            else
                                AccumulateIntoLeaf(input, gradInput);
                        }
                        RecycleIfDead(gradOutput, gradInputs, pending);
                    }
                }
                finally
                {
                    StoragePool.StopRecording();
                }
                if (!retain_graph)
                    foreach (var node in order) node.Release();
            }
        }

        /// <summary>
        /// Once a node has used the gradient of its output, that gradient is garbage, unless someone else can
        /// still see its storage. It is recycled (<see cref="StoragePool"/>) only when this backward pass
        /// created it (so it is not the caller's tensor or a saved forward value), the node did not pass it on
        /// (add's backward returns it as is, view backwards return views of it), and no other node still waits
        /// on it. Leaves never hold it: their .grad is a copy.
        /// </summary>
        private static void RecycleIfDead(Tensor gradOutput, Tensor?[] gradInputs, Dictionary<GradFn, Tensor> pending)
        {
            var storage = gradOutput.storage;
            if (!StoragePool.WasRecorded(storage)) return;
            foreach (var gradInput in gradInputs)
                if (ReferenceEquals(gradInput?.storage, storage)) return;
            foreach (var waiting in pending.Values)
                if (ReferenceEquals(waiting.storage, storage)) return;
            StoragePool.Return(storage);
        }

        private static void AccumulateIntoLeaf(Tensor leaf, Tensor gradient)
        {
            // Copy on first write: the gradient may alias another tensor (add's backward passes it through),
            // and optimizers later modify .grad in place.
            leaf.grad = leaf.grad is null ? gradient.clone() : leaf.grad + gradient;
        }

        /// <summary>
        /// Orders the graph's nodes so each comes before every node it feeds gradients into, i.e. a node
        /// runs only after all gradient contributions to its output have arrived. Iterative depth-first
        /// search, because an unrolled RNN can make graphs deeper than the call stack.
        /// </summary>
        private static List<GradFn> TopologicalOrder(GradFn root)
        {
            var postOrder = new List<GradFn>();
            var visited = new HashSet<GradFn> { root };
            var stack = new Stack<(GradFn Node, int NextInput)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Length)
                {
                    stack.Push((node, next + 1));
                    if (node.Inputs[next].grad_fn is { } child && visited.Add(child))
                        stack.Push((child, 0));
                }
                else
                {
                    postOrder.Add(node);
                }
            }
            postOrder.Reverse();
            return postOrder;
        }
    }
}
