using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// A tensor that is a learnable weight of a module. It is an ordinary tensor (same storage, same
    /// ops); the type only marks it, so that <see cref="nn.Module.RegisterComponents"/> files it under
    /// <see cref="nn.Module.parameters"/>, which the optimizer updates, rather than under buffers.
    /// </summary>
    public class Parameter : Tensor
    {
        /// <summary>
        /// Wraps <paramref name="data"/> as a parameter. The parameter shares the tensor's storage (no
        /// copy) but is a new leaf of the autograd graph, whatever history <paramref name="data"/> had.
        /// </summary>
        public Parameter(Tensor data, bool requires_grad = true)
            : base(data.storage, data._shape, data._strides, data.offset, data.dtype)
        {
            this.requires_grad = requires_grad;
            DetachFromDisposeScope(); // a parameter outlives any training step's dispose scope
        }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>TorchSharp's factory form of <c>new Parameter(data, requires_grad)</c>.</summary>
            public static Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
        }
    }
}
