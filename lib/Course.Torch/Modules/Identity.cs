using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Returns its input unchanged: a placeholder, e.g. to switch a layer off without changing the model's structure.</summary>
        public sealed class Identity : nn.Module<Tensor, Tensor>
        {
            internal Identity() : base(nameof(Identity)) { }

            public override Tensor forward(Tensor input) => input;
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Identity Identity() => new();
        }
    }
}
