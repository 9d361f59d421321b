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
                foreach (var layer in _layers) input = layer.call(input);
                return input;
            }
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
