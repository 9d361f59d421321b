namespace Course.Torch;

public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

public static partial class torch
{
    /// <summary>
    /// Where a tensor's storage lives. Every tensor carries one, and every op checks that its inputs
    /// agree, so a CUDA backend can later be added behind the same API without touching notebooks.
    /// Today only the CPU backend exists; asking for CUDA gives a clear error.
    /// </summary>
    public sealed class Device : IEquatable<Device>
    {
        public Device(DeviceType type, int index = -1)
        {
            this.type = type;
            this.index = index;
        }

        public DeviceType type { get; }
        public int index { get; }

        public override string ToString() => type switch
        {
            DeviceType.CPU => "cpu",
            _ => index >= 0 ? $"cuda:{index}" : "cuda",
        };

        public bool Equals(Device? other) => other is not null && other.type == type;
        public override bool Equals(object? obj) => Equals(obj as Device);
        public override int GetHashCode() => (int)type;

        /// <summary>Throws unless this device has a backend in this build.</summary>
        internal void EnsureAvailable()
        {
            if (type == DeviceType.CUDA && !cuda.is_available())
                throw new NotSupportedException(
                    "CUDA was requested but torch.cuda.is_available() is false: this engine has only a CPU backend. " +
                    "Use torch.CPU, or pick the device with `cuda.is_available() ? CUDA : CPU`.");
        }
    }

    public static readonly Device CPU = new(DeviceType.CPU);
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);

    /// <summary>Parses "cpu", "cuda" or "cuda:N" as PyTorch does.</summary>
    public static Device device(string description)
    {
        var text = description.Trim().ToLowerInvariant();
        if (text == "cpu") return CPU;
        if (text == "cuda") return CUDA;
        if (text.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(text[5..], out var index) && index >= 0)
            return new Device(DeviceType.CUDA, index);
        throw new ArgumentException($"torch.device: expected \"cpu\", \"cuda\" or \"cuda:N\", got \"{description}\".");
    }

    public static Device device(DeviceType type, int index = -1) => new(type, index);

    public static class cuda
    {
        /// <summary>False: this build has no CUDA backend. Notebooks branch on this exactly as with TorchSharp.</summary>
        public static bool is_available() => false;

        public static int device_count() => 0;
    }
}
