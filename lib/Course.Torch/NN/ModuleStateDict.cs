using Course.Torch.Serialization;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Everything needed to restore the model: each module's parameters and persistent buffers
            /// under dotted names ("fc1.weight"), module by module as PyTorch orders them. The values are
            /// the module's own tensors, not copies (as in TorchSharp).
            /// </summary>
            /// <param name="destination">A dictionary to add to (a new one if null).</param>
            /// <param name="prefix">Put in front of every key, with a dot.</param>
            public Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                foreach (var (path, module) in Tree(duplicates: true))
                {
                    var modulePrefix = Join(prefix ?? "", path);
                    foreach (var (name, parameter) in module._parameters)
                        destination[Join(modulePrefix, name)] = parameter;
                    foreach (var (name, (buffer, persistent)) in module._buffers)
                        if (persistent) destination[Join(modulePrefix, name)] = buffer;
                }
                return destination;
            }

            /// <summary>
            /// Copies the values of <paramref name="source"/> into this module's parameters and buffers.
            /// Nothing is copied unless everything fits: with <paramref name="strict"/>, the keys must match
            /// <see cref="state_dict"/> exactly; shapes and dtypes must always match. Keys in
            /// <paramref name="skip"/> are neither loaded nor reported.
            /// </summary>
            /// <returns>The model's keys that <paramref name="source"/> lacks, and the keys of <paramref name="source"/> the model lacks.</returns>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                var skipped = new HashSet<string>(skip ?? []);
                var target = state_dict();
                var missing = target.Keys.Where(key => !skipped.Contains(key) && !source.ContainsKey(key)).ToList();
                var unexpected = source.Keys.Where(key => !skipped.Contains(key) && !target.ContainsKey(key)).ToList();

                var problems = new List<string>();
                if (strict && missing.Count > 0) problems.Add($"missing keys (in the model, not in the state dict): {Quote(missing)}");
                if (strict && unexpected.Count > 0) problems.Add($"unexpected keys (in the state dict, not in the model): {Quote(unexpected)}");
                var pairs = target
                    .Where(entry => !skipped.Contains(entry.Key) && source.ContainsKey(entry.Key))
                    .Select(entry => (entry.Key, To: entry.Value, From: source[entry.Key]))
                    .ToList();
                foreach (var (key, to, from) in pairs)
                {
                    if (!from._shape.AsSpan().SequenceEqual(to._shape))
                        problems.Add($"size mismatch for '{key}': shape ({from.ShapeText}) in the state dict, ({to.ShapeText}) in the model");
                    else if (from.dtype != to.dtype)
                        problems.Add($"dtype mismatch for '{key}': {from.dtype} in the state dict, {to.dtype} in the model (convert one of them with to())");
                }
                if (problems.Count > 0)
                    throw new ArgumentException($"load_state_dict: the state dict does not fit {_name}; nothing was loaded.\n  " + string.Join("\n  ", problems));

                using (no_grad())
                    foreach (var (_, to, from) in pairs) to.copy_(from);
                return (missing, unexpected);
            }

            private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(key => $"'{key}'"));

            /// <summary>Writes <see cref="state_dict"/> (minus the keys in <paramref name="skip"/>) to a file in TorchSharp's format (see <see cref="StateDictFormat"/>).</summary>
            public Module save(string location, IList<string>? skip = null)
            {
                using var file = File.Create(location);
                return save(file, skip);
            }

            /// <summary>Writes the state dict to <paramref name="stream"/>, which is left open.</summary>
            public Module save(Stream stream, IList<string>? skip = null)
            {
                var skipped = new HashSet<string>(skip ?? []);
                StateDictFormat.Write(stream, state_dict().Where(entry => !skipped.Contains(entry.Key)));
                return this;
            }

            /// <summary>
            /// Loads weights saved by <see cref="save(string, IList{string}?)"/>, by TorchSharp, or by
            /// TorchSharp's <c>exportsd.py</c> from PyTorch. Checks as <see cref="load_state_dict"/> does.
            /// </summary>
            public Module load(string location, bool strict = true, IList<string>? skip = null)
            {
                using var file = File.OpenRead(location);
                return load(file, strict, skip);
            }

            /// <summary>Loads a state dict from <paramref name="stream"/>, which is left open.</summary>
            public Module load(Stream stream, bool strict = true, IList<string>? skip = null)
            {
                load_state_dict(StateDictFormat.Read(stream), strict, skip);
                return this;
            }
        }
    }
}
