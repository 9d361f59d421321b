using System.Collections;
using System.Diagnostics.CodeAnalysis;
using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// Modules by name, registered as children under those names and kept in insertion order, e.g.
        /// one output head per task: <c>heads["digits"].call(features)</c>.
        /// </summary>
        public sealed class ModuleDict<T> : nn.Module, IDictionary<string, T> where T : nn.Module
        {
            private readonly OrderedDictionary<string, T> _items = new();

            public ModuleDict(params (string name, T module)[] modules) : base("ModuleDict")
            {
                foreach (var (name, module) in modules) Add(name, module);
            }

            public T this[string key]
            {
                get => _items.TryGetValue(key, out var module) ? module
                    : throw new KeyNotFoundException($"ModuleDict: there is no module named \"{key}\"; the names are {string.Join(", ", _items.Keys)}.");
                set
                {
                    if (!_items.ContainsKey(key))
                    {
                        Add(key, value);
                        return;
                    }
                    _items[key] = value;
                    Reregister();
                }
            }

            public ICollection<string> Keys => _items.Keys;

            public ICollection<T> Values => _items.Values;

            public int Count => _items.Count;

            public bool IsReadOnly => false;

            public void Add(string key, T value)
            {
                register_module(key, value); // checks the name first
                _items.Add(key, value);
            }

            public void Add(KeyValuePair<string, T> item) => Add(item.Key, item.Value);

            public bool Remove(string key)
            {
                var removed = _items.Remove(key);
                Reregister();
                return removed;
            }

            public bool Remove(KeyValuePair<string, T> item) =>
                _items.TryGetValue(item.Key, out var module) && ReferenceEquals(module, item.Value) && Remove(item.Key);

            public void Clear()
            {
                _items.Clear();
                Reregister();
            }

            public bool ContainsKey(string key) => _items.ContainsKey(key);

            public bool Contains(KeyValuePair<string, T> item) => _items.Contains(item);

            public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _items.TryGetValue(key, out value);

            public void CopyTo(KeyValuePair<string, T>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, T>>)_items).CopyTo(array, arrayIndex);

            public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            private void Reregister()
            {
                ClearModules();
                foreach (var (name, module) in _items) register_module(name, module);
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static ModuleDict<Module> ModuleDict(params (string name, Module module)[] modules) => new(modules);

            public static ModuleDict<T> ModuleDict<T>(params (string name, T module)[] modules) where T : Module => new(modules);
        }
    }
}
