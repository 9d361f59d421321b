using Course.Torch.Tensors;
using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// A chain of modules: forward passes the input through each in turn. Its children are named
        /// "0", "1", ... unless given names, so a state dict has keys like "0.weight".
        /// </summary>
        public class Sequential : nn.Module<Tensor, Tensor>
        {
            private readonly List<nn.Module<Tensor, Tensor>> _layers = new();

            /// <summary>For models that derive from Sequential.</summary>
            protected Sequential(params nn.Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
            {
                foreach (var module in modules) append(module);
            }

            /// <summary>For models that derive from Sequential, with a name for each layer.</summary>
            protected Sequential(params (string name, nn.Module<Tensor, Tensor> submodule)[] modules) : base(nameof(Sequential))
            {
                foreach (var (name, module) in modules) append(name, module);
            }

            internal Sequential() : base(nameof(Sequential)) { }

            /// <summary>Adds a layer at the end, named by its position.</summary>
            public Sequential append(nn.Module<Tensor, Tensor> module) => append(_layers.Count.ToString(), module);

            public Sequential append(string name, nn.Module<Tensor, Tensor> module)
            {
                register_module(name, module);
                _layers.Add(module);
                return this;
            }

            public int Count => _layers.Count;

            public nn.Module<Tensor, Tensor> this[int index] => _layers[index];

            /// <summary>A new Sequential holding a range of these layers (the same objects, so they share weights): <c>model[..^1]</c>.</summary>
            public Sequential this[Range range]
            {
                get
                {
                    var slice = new Sequential();
                    foreach (var (name, module) in named_children().Take(range))
                        slice.append(name, (nn.Module<Tensor, Tensor>)module);
                    return slice;
                }
            }

            public override Tensor forward(Tensor input)
            {
                var x = input;
                nn.Module<Tensor, Tensor>? producer = null; // the layer that made x; null while x is the caller's input
                foreach (var layer in _layers)
                {
                    var y = layer.call(x);
                    if (producer is not null && OnlyTheGraphSees(x, producer, layer, y, input))
                    {
                        if (y.grad_fn is { } node) node.DiesWithGraph(x.storage);
                        else if (x.grad_fn is null) StoragePool.Return(x.storage);
                    }
                    x = y;
                    producer = layer;
                }
                return x;
            }

            /// <summary>
            /// Whether x, made by producer and just consumed by consumer (which returned y), is now out of
            /// everyone's reach but the autograd graph's, so its storage can be recycled by <see cref="StoragePool"/>:
            /// at once when no graph was recorded (inference), or when backward drops the graph (training). A CNN's
            /// activations are megabytes each; PyTorch frees them as soon as they die through reference counting,
            /// .NET only at its next full garbage collection, after mapping fresh memory for every new one.
            /// The proof needs: both layers are library layers known not to keep a tensor they were given or
            /// returned, and y and the caller's input do not share x's storage (Flatten and Identity return
            /// views or their input itself).
            /// </summary>
            private static bool OnlyTheGraphSees(Tensor x, nn.Module producer, nn.Module consumer, Tensor y, Tensor input) =>
                ForgetfulLayers.Contains(producer.GetType()) && ForgetfulLayers.Contains(consumer.GetType())
                && !ReferenceEquals(x.storage, y.storage) && !ReferenceEquals(x.storage, input.storage);

            // Sealed library layers whose forward keeps no reference to its input or result. A user's own module
            // might (say, to plot activations later), so only these exact types qualify.
            private static readonly HashSet<Type> ForgetfulLayers =
            [
                typeof(Conv2d), typeof(Linear), typeof(MaxPool2d), typeof(AvgPool2d), typeof(AdaptiveAvgPool2d),
                typeof(Flatten), typeof(Identity), typeof(Dropout), typeof(BatchNorm1d), typeof(BatchNorm2d),
                typeof(ReLU), typeof(LeakyReLU), typeof(GELU), typeof(Sigmoid), typeof(Tanh), typeof(Softmax), typeof(LogSoftmax),
            ];
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Sequential Sequential() => new();

            /// <summary>Chains modules: <c>Sequential(Linear(784, 256), ReLU(), Linear(256, 10))</c>.</summary>
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules)
            {
                var sequential = new Sequential();
                foreach (var module in modules) sequential.append(module);
                return sequential;
            }

            /// <summary>Chains named modules: <c>Sequential(("fc1", Linear(784, 256)), ("relu", ReLU()))</c>.</summary>
            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules)
            {
                var sequential = new Sequential();
                foreach (var (name, module) in modules) sequential.append(name, module);
                return sequential;
            }

            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) => Sequential(modules.ToArray());

            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => Sequential(modules.ToArray());
        }
    }
}
