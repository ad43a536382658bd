using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Mapping.Tests;

/// <summary>Thresholds, pooling, adds and the rest run on the tiles of the layer that produces their input.</summary>
[Collection(StudyModelsCollection.Name)]
public class DigitalOpTests(StudyModels models)
{
    [Fact]
    public void Should_Assign_BResNet18_Digital_Ops_To_Their_Producers()
    {
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Default());
        var home = m.Layers.SelectMany(l => l.DigitalOps).ToDictionary(o => o.Name, o => o.Layer);

        Assert.Empty(m.InputOps);
        Assert.Equal("conv1", home["conv1.bn_out"]);
        Assert.Equal("conv1", home["pool1_out"]);
        Assert.Equal("conv1", home["s1.b0.sign_out"]);
        Assert.Equal("s1.b0", home["s1.b0.add_out"]);            // add(s1.b0 path, conv1 path): s1.b0 is the later stage
        Assert.Equal("s1.b3", home["s2.shortcut.pool_out"]);
        Assert.Equal("s1.b3", home["s2.shortcut.sign_out"]);      // binarizes that pooled output, on the same tiles
        Assert.Equal("s2.shortcut", home["s2.b0.add_out"]);      // add(s2.b0 path, shortcut path): the shortcut is the later stage
        Assert.Equal("s4.b3", home["gap_out"]);
        Assert.Equal("s4.b3", home["fc.sign_out"]);
    }

    [Fact]
    public void Should_Place_Every_Other_Node_Exactly_Once()
    {
        var graph = models.BResNet18;
        var m = CrossbarMapper.Map(graph, Specs.Default());
        var digital = m.InputOps.Concat(m.Layers.SelectMany(l => l.DigitalOps)).Select(o => o.Name).ToList();

        Assert.Equal(graph.Nodes.Where(n => n is not BinaryLinearNode).Select(n => n.Name).Order(), digital.Order());
        Assert.All(m.Layers, l => Assert.All(l.DigitalOps, o => Assert.Equal(l.Name, o.Layer)));
    }

    [Fact]
    public void Should_Run_Tfc_Input_Binarizer_At_Chip_Level_And_The_Output_Scaling_On_The_Last_Layer()
    {
        var m = CrossbarMapper.Map(models.Tfc, Specs.Tiny());

        Assert.Equal([("31", "reshape", (string?)null), ("37", "threshold", null)], m.InputOps.Select(o => (o.Name, o.Op, o.Layer)));
        Assert.Equal(["67", "72", "73", "74"], m.Layer("MatMul_40").DigitalOps.Select(o => o.Name));
        Assert.Equal([null, "MatMul_16", "MatMul_24", "MatMul_32"], m.Schedule.Stages.Select(s => s.ReadsFrom));
    }
}
