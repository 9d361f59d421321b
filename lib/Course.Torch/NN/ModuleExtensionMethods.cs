using static Course.Torch.torch;

namespace Course.Torch;

/// <summary>
/// <c>to()</c>, <c>cpu()</c> and <c>cuda()</c> for modules, as extension methods (as in TorchSharp) so
/// that they return the module's own type: <c>var model = new Net().to(float64);</c> is still a Net.
/// </summary>
public static class ModuleExtensionMethods
{
    /// <summary>Converts the module's floating-point parameters and buffers; see <c>Module.ConvertTo</c> for what happens to the Parameter objects.</summary>
    public static T to<T>(this T module, ScalarType dtype) where T : nn.Module
    {
        module.ConvertTo(dtype);
        return module;
    }

    /// <summary>Moves the module to <paramref name="device"/>. This engine has only the CPU, so anything else is refused with an explanation.</summary>
    public static T to<T>(this T module, Device device) where T : nn.Module
    {
        device.EnsureAvailable();
        return module;
    }

    public static T to<T>(this T module, Device device, ScalarType dtype) where T : nn.Module => module.to(device).to(dtype);

    public static T cpu<T>(this T module) where T : nn.Module => module.to(CPU);

    public static T cuda<T>(this T module) where T : nn.Module => module.to(CUDA);
}
