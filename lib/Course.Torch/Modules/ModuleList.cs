using System.Collections;
using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// A list of modules that are registered as children "0", "1", ..., so their parameters are
        /// trained and saved (a plain <c>List&lt;Module&gt;</c> field would be invisible to the model).
        /// Unlike <see cref="Sequential"/> it has no forward: your model decides how to use them.
        /// </summary>
        public sealed class ModuleList<T> : nn.Module, IList<T> where T : nn.Module
        {
            private readonly List<T> _items = new();

            public ModuleList(params T[] modules) : base("ModuleList") => extend(modules);

            public T this[int index]
            {
                get => _items[index];
                set
                {
                    _items[index] = value;
                    Renumber();
                }
            }

            public int Count => _items.Count;

            public bool IsReadOnly => false;

            public void Add(T item) => Insert(_items.Count, item);

            /// <summary>Adds modules at the end (PyTorch's name for AddRange).</summary>
            public void append(params T[] modules) => extend(modules);

            public void extend(IEnumerable<T> modules)
            {
                _items.AddRange(modules);
                Renumber();
            }

            public void Insert(int index, T item)
            {
                _items.Insert(index, item);
                Renumber();
            }

            public bool Remove(T item)
            {
                var removed = _items.Remove(item);
                Renumber();
                return removed;
            }

            public void RemoveAt(int index)
            {
                _items.RemoveAt(index);
                Renumber();
            }

            public void Clear()
            {
                _items.Clear();
                Renumber();
            }

            public bool Contains(T item) => _items.Contains(item);

            public int IndexOf(T item) => _items.IndexOf(item);

            public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

            public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>Children are named by position, so any change to the list re-registers them all.</summary>
            private void Renumber()
            {
                ClearModules();
                for (var i = 0; i < _items.Count; i++) register_module(i.ToString(), _items[i]);
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A registered list of modules: <c>ModuleList(Linear(10, 10), Linear(10, 10))</c>.</summary>
            public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);

            /// <summary>A registered list of modules of one type, e.g. <c>ModuleList&lt;Module&lt;Tensor, Tensor&gt;&gt;(...)</c> so they can be called.</summary>
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        }
    }
}
