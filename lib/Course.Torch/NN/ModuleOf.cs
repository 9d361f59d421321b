namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A module whose <see cref="forward"/> maps one input to one result, e.g. a layer from tensor to
        /// tensor: <c>class Net : Module&lt;Tensor, Tensor&gt;</c>.
        /// </summary>
        public abstract class Module<T, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            /// <summary>The computation of this module; autograd records it, so there is no backward to write.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs the module. Use it (rather than <see cref="forward"/>) to call another module: in TorchSharp it also runs hooks.</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module whose <see cref="forward"/> takes two inputs, e.g. a loss of (prediction, target).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
