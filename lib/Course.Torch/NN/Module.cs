using System.Reflection;
using System.Text;
using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The base class of every layer and model. A module owns three kinds of named components:
        /// <b>parameters</b> (learnable weights, updated by the optimizer), <b>buffers</b> (state that is
        /// saved with the model but not trained, such as BatchNorm's running mean) and <b>child modules</b>.
        /// Everything else here — <see cref="parameters"/>, <see cref="train"/>, <c>to()</c>,
        /// <see cref="state_dict"/>, <see cref="save(string, IList{string}?)"/> — walks that tree.
        /// <para>
        /// Your own model derives from <see cref="Module{T, TResult}"/>, keeps its layers in fields and
        /// calls <see cref="RegisterComponents"/> at the end of its constructor, which finds those fields.
        /// </para>
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            // Ordered, because the order is visible: parameters() feeds optimizers, state_dict() is saved.
            private readonly OrderedDictionary<string, Parameter> _parameters = new();
            private readonly OrderedDictionary<string, (Tensor Tensor, bool Persistent)> _buffers = new();
            private readonly OrderedDictionary<string, Module> _modules = new();
            private readonly string _name;
            private bool _componentsRegistered;

            /// <param name="name">The module's type name, shown when it is printed (e.g. <c>nameof(Net)</c>).</param>
            protected Module(string name) => _name = name;

            /// <summary>The name given to the constructor.</summary>
            public string GetName() => _name;

            /// <summary>True in training mode (the default), false after <see cref="eval"/>. Dropout and BatchNorm behave differently.</summary>
            public bool training { get; private set; } = true;

            // ---- registration ----------------------------------------------------------------------

            /// <summary>
            /// Registers every field of this object (declared here or in a base class, public or private,
            /// in declaration order) whose value is a <see cref="Module"/>, a <see cref="Parameter"/> or
            /// another <see cref="Tensor"/> (a buffer), under the field's name. Call it once, at the end of
            /// your constructor, after the fields are assigned. An auto-property registers under the
            /// property's name. Names that are already registered are left alone.
            /// <para>
            /// C# cannot notice later assignments to those fields (Python's PyTorch can), so assign them
            /// before this call and leave them alone afterwards.
            /// </para>
            /// </summary>
            protected virtual void RegisterComponents()
            {
                if (_componentsRegistered) return;
                _componentsRegistered = true;
                foreach (var field in ComponentFields())
                {
                    var name = ComponentName(field);
                    if (IsRegistered(name)) continue;
                    switch (field.GetValue(this))
                    {
                        case Module module: register_module(name, module); break;
                        case Parameter parameter: register_parameter(name, parameter); break; // before Tensor: a Parameter is a Tensor
                        case Tensor tensor: register_buffer(name, tensor); break;
                    }
                }
            }

            /// <summary>Instance fields from the first class below <see cref="Module"/> down to this object's class, each class in declaration order.</summary>
            private IEnumerable<FieldInfo> ComponentFields()
            {
                var chain = new List<Type>();
                for (var type = GetType(); type is not null && type != typeof(Module); type = type.BaseType)
                    chain.Add(type);
                chain.Reverse();
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                return chain.SelectMany(type => type.GetFields(flags).OrderBy(field => field.MetadataToken));
            }

            /// <summary>A field's name, or for the hidden field behind an auto-property ("&lt;fc1&gt;k__BackingField") the property's name.</summary>
            private static string ComponentName(FieldInfo field)
            {
                var name = field.Name;
                var end = name.IndexOf(">k__BackingField", StringComparison.Ordinal);
                return name.StartsWith('<') && end > 0 ? name[1..end] : name;
            }

            private bool IsRegistered(string name) =>
                _parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name);

            private void CheckNewName(string name, string op)
            {
                if (string.IsNullOrEmpty(name))
                    throw new ArgumentException($"{op}: the name must not be empty.");
                if (name.Contains('.'))
                    throw new ArgumentException($"{op}: the name \"{name}\" must not contain \".\", which separates the levels of names like \"fc1.weight\".");
                if (IsRegistered(name))
                    throw new InvalidOperationException($"{op}: {_name} already has a component named \"{name}\".");
            }

            /// <summary>Adds <paramref name="submodule"/> as a child named <paramref name="name"/> (and registers the child's own fields).</summary>
            public void register_module(string name, Module submodule)
            {
                CheckNewName(name, "register_module");
                if (ReferenceEquals(submodule, this) || submodule.modules().Contains(this))
                    throw new ArgumentException($"register_module: \"{name}\" would make {_name} a part of itself.");
                _modules.Add(name, submodule);
                submodule.RegisterComponents(); // after adding, so a field pointing back up is caught as a cycle
            }

            /// <summary>TorchSharp's and PyTorch's alias of <see cref="register_module"/>.</summary>
            public void add_module(string name, Module submodule) => register_module(name, submodule);

            /// <summary>Adds a learnable weight, listed by <see cref="parameters"/> and saved by <see cref="state_dict"/>.</summary>
            public void register_parameter(string name, Parameter param)
            {
                CheckNewName(name, "register_parameter");
                _parameters.Add(name, param);
            }

            /// <summary>
            /// Adds state that is not trained. A persistent buffer is saved in <see cref="state_dict"/>;
            /// a non-persistent one only follows the module through <c>to()</c>.
            /// </summary>
            public void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                CheckNewName(name, "register_buffer");
                _buffers.Add(name, (tensor.DetachFromDisposeScope(), persistent));
            }

            /// <summary>Sets, replaces (keeping its place in the order) or, for null, removes the parameter <paramref name="name"/>. For layers whose weights are settable properties.</summary>
            protected void ConditionallyRegisterParameter(string name, Parameter? value)
            {
                if (value is null) _parameters.Remove(name);
                else if (_parameters.ContainsKey(name)) _parameters[name] = value;
                else register_parameter(name, value);
            }

            /// <summary>Removes all child modules, for containers that renumber their children.</summary>
            private protected void ClearModules() => _modules.Clear();

            // ---- walking the tree ------------------------------------------------------------------

            /// <summary>
            /// This module (prefix "") and every module below it, depth first, each with its dotted path
            /// ("features.0"). A module reachable under two names appears once unless <paramref name="duplicates"/>.
            /// </summary>
            private IEnumerable<(string Prefix, Module Module)> Tree(bool duplicates = false)
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                var stack = new Stack<(string, Module)>();
                stack.Push(("", this));
                while (stack.Count > 0)
                {
                    var (prefix, module) = stack.Pop();
                    if (!seen.Add(module) && !duplicates) continue;
                    yield return (prefix, module);
                    foreach (var (name, child) in module._modules.Reverse())
                        stack.Push((Join(prefix, name), child));
                }
            }

            private static string Join(string prefix, string name) =>
                prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}.{name}";

            /// <summary>
            /// The parameters with their dotted names ("fc1.weight"), this module's first, then each child's
            /// in registration order. A parameter shared by two layers is listed once.
            /// </summary>
            /// <param name="recurse">False: only this module's own parameters.</param>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in recurse ? Tree() : [("", this)])
                    foreach (var (name, parameter) in module._parameters)
                        if (seen.Add(parameter)) yield return (Join(prefix, name), parameter);
            }

            /// <summary>What an optimizer trains: <c>optim.SGD(model.parameters(), lr)</c>.</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>The buffers with their dotted names, in the same order as <see cref="named_parameters"/>.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in recurse ? Tree() : [("", this)])
                    foreach (var (name, (buffer, _)) in module._buffers)
                        if (seen.Add(buffer)) yield return (Join(prefix, name), buffer);
            }

            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>The direct children with their names.</summary>
            public IEnumerable<(string name, Module module)> named_children() => _modules.Select(m => (m.Key, m.Value));

            public IEnumerable<Module> children() => _modules.Values;

            /// <summary>
            /// Every module below this one, depth first, with dotted names. As in TorchSharp the module
            /// itself is not included (PyTorch lists it first, with the name "").
            /// </summary>
            public IEnumerable<(string name, Module module)> named_modules() => Tree().Skip(1).Select(m => (m.Prefix, m.Module));

            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>The parameter at a dotted path such as "fc1.weight", or null.</summary>
            public Parameter? get_parameter(string target) =>
                Resolve(target, out var name) is { } owner ? owner._parameters.GetValueOrDefault(name) : null;

            /// <summary>The buffer at a dotted path, or null.</summary>
            public Tensor? get_buffer(string target) =>
                Resolve(target, out var name) is { } owner && owner._buffers.TryGetValue(name, out var buffer) ? buffer.Tensor : null;

            /// <summary>The module at a dotted path such as "features.0", or null.</summary>
            public Module? get_submodule(string target) =>
                Resolve(target, out var name) is { } owner ? owner._modules.GetValueOrDefault(name) : null;

            /// <summary>Follows all but the last part of a dotted path; returns the module reached and the last part.</summary>
            private Module? Resolve(string target, out string name)
            {
                var lastDot = target.LastIndexOf('.');
                name = target[(lastDot + 1)..];
                Module? module = this;
                if (lastDot < 0) return module; // the common case, e.g. a layer reading its own "weight"
                foreach (var part in target[..lastDot].Split('.'))
                    module = module?._modules.GetValueOrDefault(part);
                return module;
            }

            // ---- modes and gradients ---------------------------------------------------------------

            /// <summary>Switches this module and all below it to training mode (or, with false, evaluation mode).</summary>
            public virtual void train(bool on = true)
            {
                training = on;
                foreach (var child in _modules.Values) child.train(on);
            }

            /// <summary>Evaluation mode: Dropout passes values through, BatchNorm uses its running statistics.</summary>
            public void eval() => train(false);

            /// <summary>
            /// Forgets the gradients of all parameters before the next backward pass (backward adds to
            /// <c>grad</c>). By default it sets them to null, as TorchSharp and PyTorch 2 do; PyTorch 1.13
            /// filled them with zeros instead (<paramref name="set_to_none"/>: false). Training gives the
            /// same result either way: the next backward writes a fresh gradient into a null one.
            /// </summary>
            public void zero_grad(bool set_to_none = true)
            {
                using var _ = no_grad();
                foreach (var parameter in parameters())
                {
                    if (set_to_none) parameter.grad = null;
                    else parameter.grad?.zero_();
                }
            }

            /// <summary>Calls <paramref name="fn"/> on every module below this one and then on this one, e.g. to initialise weights.</summary>
            public Module apply(Action<Module> fn)
            {
                foreach (var child in _modules.Values) child.apply(fn);
                fn(this);
                return this;
            }

            // ---- conversion ------------------------------------------------------------------------

            /// <summary>
            /// Converts every floating-point parameter and buffer to <paramref name="dtype"/>; integer and
            /// bool tensors keep their type, as in PyTorch. A tensor's dtype cannot change in place, so each
            /// converted parameter is a new <see cref="Parameter"/> (with its gradient converted too), put in
            /// the registry and into any field of the module that held the old one. As in TorchSharp,
            /// create the optimizer after converting the model.
            /// </summary>
            internal void ConvertTo(ScalarType dtype)
            {
                if (!is_floating_point(dtype))
                    throw new ArgumentException($"to: a module can only be converted to a floating-point dtype, not {dtype}.");
                var replacements = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
                using var _ = no_grad();
                foreach (var (_, module) in Tree()) module.ConvertOwn(dtype, replacements);
            }

            /// <summary>Converts this module's own tensors; <paramref name="replacements"/> keeps shared tensors shared.</summary>
            private void ConvertOwn(ScalarType dtype, Dictionary<Tensor, Tensor> replacements)
            {
                Tensor Convert(Tensor old, Func<Tensor> create)
                {
                    if (!replacements.TryGetValue(old, out var converted))
                        replacements[old] = converted = create();
                    ReplaceInFields(old, converted);
                    return converted;
                }

                foreach (var (name, parameter) in _parameters.ToList())
                {
                    if (!parameter.is_floating_point() || parameter.dtype == dtype) continue;
                    _parameters[name] = (Parameter)Convert(parameter, () =>
                        new Parameter(parameter.to(dtype), parameter.requires_grad) { grad = parameter.grad?.to(dtype) });
                }
                foreach (var (name, (buffer, persistent)) in _buffers.ToList())
                {
                    if (!buffer.is_floating_point() || buffer.dtype == dtype) continue;
                    _buffers[name] = (Convert(buffer, () => buffer.to(dtype)).DetachFromDisposeScope(), persistent);
                }
            }

            private void ReplaceInFields(Tensor old, Tensor converted)
            {
                foreach (var field in ComponentFields())
                    if (ReferenceEquals(field.GetValue(this), old)) field.SetValue(this, converted);
            }

            // ---- display ---------------------------------------------------------------------------

            /// <summary>The layer's settings for printing, e.g. "in_features=784, out_features=10, bias=True".</summary>
            protected virtual string extra_repr() => "";

            /// <summary>The module tree as PyTorch prints it: <c>Net(\n  (fc1): Linear(in_features=784, ...)\n)</c>.</summary>
            public override string ToString()
            {
                if (_modules.Count == 0) return $"{_name}({extra_repr()})";
                var text = new StringBuilder($"{_name}(");
                if (extra_repr() is { Length: > 0 } extra) text.Append("\n  ").Append(extra);
                foreach (var (name, child) in _modules)
                    text.Append($"\n  ({name}): ").Append(child.ToString().Replace("\n", "\n  "));
                return text.Append("\n)").ToString();
            }

            /// <summary>Modules hold managed memory only; Dispose exists so TorchSharp code with <c>using var</c> compiles unchanged.</summary>
            public void Dispose() { }
        }
    }
}
