using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class ModuleTests
{
    [Fact]
    public void RegisterComponents_names_fields_in_declaration_order_with_base_class_first()
    {
        var model = new Nested();
        Assert.Equal(
            ["scale", "encoder.fc1.weight", "encoder.fc1.bias", "encoder.fc2.weight", "encoder.fc2.bias",
             "head.0.weight", "head.0.bias", "head.2.weight", "head.2.bias"],
            model.named_parameters().Select(p => p.name));
        Assert.Equal(["running"], model.named_buffers().Select(b => b.name));
        Assert.Equal(["encoder", "head", "Extra"], model.named_children().Select(c => c.name));
        Assert.Equal(["encoder", "encoder.fc1", "encoder.fc2", "head", "head.0", "head.1", "head.2", "Extra"],
            model.named_modules().Select(m => m.name));
        Assert.Equal(["scale"], model.named_parameters(recurse: false).Select(p => p.name));
    }

    [Fact]
    public void Parameters_of_the_mlp_have_the_expected_count_and_are_trainable_leaves()
    {
        var model = new Mlp();
        var parameters = model.parameters().ToList();
        Assert.Equal(4, parameters.Count);
        Assert.Equal(784 * 256 + 256 + 256 * 10 + 10, parameters.Sum(p => p.numel()));
        Assert.All(parameters, p => Assert.True(p.requires_grad && p.is_leaf));
    }

    [Fact]
    public void A_shared_layer_is_listed_once_in_parameters_but_under_both_names_in_state_dict()
    {
        var shared = Linear(2, 2);
        var model = Sequential(shared, shared);
        Assert.Equal(2, model.parameters().Count());
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias"], model.state_dict().Keys);
    }

    [Fact]
    public void Train_and_eval_reach_every_module()
    {
        var model = new Nested();
        Assert.True(model.training);
        model.eval();
        Assert.All(model.modules().Append(model), m => Assert.False(m.training));
        model.train();
        Assert.All(model.modules().Append(model), m => Assert.True(m.training));
    }

    [Fact]
    public void Zero_grad_sets_gradients_to_null_or_to_zero()
    {
        var model = new Mlp(3, 2, 1);
        model.call(ones(4, 3)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        model.zero_grad(set_to_none: false);
        Assert.All(model.parameters(), p => Assert.All(p.grad!.data<float>().ToArray(), g => Assert.Equal(0f, g)));
        model.zero_grad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Apply_visits_children_before_their_parent()
    {
        var visited = new List<string>();
        new Mlp(2, 2, 2).apply(m => visited.Add(m.GetName()));
        Assert.Equal(["Linear", "Linear", "Mlp"], visited);
    }

    [Fact]
    public void To_float64_converts_parameters_buffers_and_fields_and_keeps_integer_buffers()
    {
        var model = new Nested();
        var counter = zeros(1, dtype: int64);
        model.register_buffer("counter", counter);
        var before = model.get_parameter("encoder.fc1.weight")!.data<float>().ToArray();

        var converted = model.to(float64);

        Assert.Same(model, converted);
        Assert.All(model.parameters(), p => Assert.Equal(float64, p.dtype));
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
        Assert.Equal(float64, model.get_buffer("running")!.dtype);
        Assert.Same(counter, model.get_buffer("counter"));
        Assert.Equal(before.Select(v => (double)v), model.get_parameter("encoder.fc1.weight")!.data<double>().ToArray());
        // The forward pass reads the fields, so they must hold the converted tensors too.
        Assert.Equal(float64, model.call(ones(3, 4, dtype: float64)).dtype);
    }

    [Fact]
    public void To_the_same_dtype_keeps_the_parameter_objects()
    {
        var model = new Mlp(2, 2, 2);
        var before = model.parameters().ToList();
        model.to(float32).to(CPU).cpu();
        Assert.Equal(before, model.parameters().ToList());
    }

    [Fact]
    public void Conversion_errors_are_explained()
    {
        var model = new Mlp(2, 2, 2);
        Assert.Contains("cuda.is_available()", Assert.Throws<NotSupportedException>(() => model.cuda()).Message);
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => model.to(int64)).Message);
    }

    [Fact]
    public void Registration_rejects_bad_and_duplicate_names_and_cycles()
    {
        var model = new Mlp(2, 2, 2);
        Assert.Contains("already has", Assert.Throws<InvalidOperationException>(() => model.register_module("fc1", Linear(1, 1))).Message);
        Assert.Contains("\".\"", Assert.Throws<ArgumentException>(() => model.register_parameter("a.b", new Parameter(ones(1)))).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => model.register_buffer("", ones(1))).Message);
        var outer = Sequential(model);
        Assert.Contains("part of itself", Assert.Throws<ArgumentException>(() => model.register_module("loop", outer)).Message);
    }

    [Fact]
    public void Lookups_by_dotted_path()
    {
        var model = new Nested();
        Assert.Same(model.get_submodule("head")!.get_parameter("0.weight"), model.get_parameter("head.0.weight"));
        Assert.IsType<Dropout>(model.get_submodule("head.1"));
        Assert.Null(model.get_parameter("head.7.weight"));
        Assert.Null(model.get_buffer("nothing"));
    }

    [Fact]
    public void Parameter_shares_storage_and_starts_a_new_leaf()
    {
        var source = ones(2, requires_grad: true) * 3.0;
        var parameter = new Parameter(source);
        Assert.True(parameter.is_leaf && parameter.requires_grad);
        using (no_grad()) parameter.fill_(5);
        Assert.Equal([5f, 5f], source.data<float>().ToArray());
        Assert.False(nn.Parameter(ones(1), requires_grad: false).requires_grad);
    }

    [Fact]
    public void ToString_prints_the_tree_like_pytorch()
    {
        Assert.Equal(
            "Mlp(\n  (fc1): Linear(in_features=3, out_features=2, bias=True)\n  (fc2): Linear(in_features=2, out_features=1, bias=True)\n)",
            new Mlp(3, 2, 1).ToString());
        Assert.Equal("Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  (1): Dropout(p=0.25)\n)",
            Sequential(Flatten(), Dropout(0.25)).ToString());
    }
}
