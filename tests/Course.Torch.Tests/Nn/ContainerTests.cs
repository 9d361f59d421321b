using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class ContainerTests
{
    [Fact]
    public void Sequential_chains_its_layers_and_numbers_them()
    {
        var first = Linear(3, 4);
        var second = Linear(4, 2);
        var model = Sequential(first, Identity(), second);
        var x = randn(5, 3);
        Assert.Equal(second.call(first.call(x)).data<float>().ToArray(), model.call(x).data<float>().ToArray());
        Assert.Equal(["0", "1", "2"], model.named_children().Select(c => c.name));
        Assert.Equal(3, model.Count);
        Assert.Same(second, model[2]);
    }

    [Fact]
    public void Sequential_with_names_append_and_slices()
    {
        var model = Sequential(("fc", Linear(3, 4)), ("drop", Dropout()));
        model.append(Linear(4, 1)).append("out", Identity());
        Assert.Equal(["fc", "drop", "2", "out"], model.named_children().Select(c => c.name));
        var head = model[..2];
        Assert.Equal(["fc", "drop"], head.named_children().Select(c => c.name));
        Assert.Same(model[0], head[0]);
        Assert.Empty(Sequential().parameters());
        var x = randn(2);
        Assert.Same(x, Sequential().call(x));
    }

    [Fact]
    public void ModuleList_registers_its_items_by_position_and_renumbers_after_changes()
    {
        var list = ModuleList<Module<Tensor, Tensor>>(Linear(2, 2), Linear(2, 3));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias"], list.named_parameters().Select(p => p.name));
        list.Insert(0, Linear(1, 2));
        list.RemoveAt(2);
        Assert.Equal(["0", "1"], list.named_children().Select(c => c.name));
        Assert.Equal(1, list[0].parameters().First().size(1));
        Assert.Equal(2, list.Count);
        var x = ones(1, 1);
        foreach (var layer in list) x = layer.call(x);
        Assert.Equal([1L, 2L], x.shape);
    }

    [Fact]
    public void ModuleDict_registers_by_name_in_insertion_order()
    {
        var heads = ModuleDict(("digits", (Module)Linear(4, 10)), ("parity", Linear(4, 2)));
        heads["extra"] = Identity();
        Assert.Equal(["digits", "parity", "extra"], heads.named_children().Select(c => c.name));
        Assert.True(heads.Remove("parity"));
        Assert.Equal(["digits.weight", "digits.bias"], heads.named_parameters().Select(p => p.name));
        Assert.Contains("digits", Assert.Throws<KeyNotFoundException>(() => heads["nope"]).Message);
    }

    [Fact]
    public void Containers_inside_a_custom_module_get_prefixed_names()
    {
        var model = new WithList();
        Assert.Equal(["blocks.0.weight", "blocks.0.bias", "blocks.1.weight", "blocks.1.bias"],
            model.named_parameters().Select(p => p.name));
    }

    private sealed class WithList : Module<Tensor, Tensor>
    {
        private readonly ModuleList<Module<Tensor, Tensor>> blocks = new(Linear(2, 2), Linear(2, 2));

        public WithList() : base(nameof(WithList)) => RegisterComponents();

        public override Tensor forward(Tensor x) => blocks.Aggregate(x, (h, block) => block.call(h));
    }
}
