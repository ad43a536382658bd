using System.Globalization;
using System.Text.RegularExpressions;

namespace BnnCompiler.Zoo.Tests;

/// <summary>The generator's layer lists against the study's (study-layer-lists.txt) and Larq Zoo's figures.</summary>
public sealed partial class LayerListTests
{
    public static TheoryData<string, string, int> Models => new()
    {
        { "balexnet", "alexnet", 8 },
        { "bresnet18", "resnete18", 21 },
        { "bdensenet28", "densenet28", 28 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_List_The_Study_Layers_Row_By_Row(string model, string studyName, int layerCount)
    {
        var study = StudySection(studyName);
        var layers = ImageNetZoo.Describe(model).Layers;

        Assert.Equal(layerCount, study.Rows.Count);
        Assert.Equal(layerCount, layers.Count);
        for (var i = 0; i < layerCount; i++)
        {
            var (row, layer) = (study.Rows[i], layers[i]);
            Assert.Equal(i + 1, layer.Index);
            Assert.Equal(row.Index, layer.Index);
            Assert.Equal(row.Name, layer.Kind == ZooLayerKind.ShortcutConv ? layer.Name.Replace(".shortcut", "", StringComparison.Ordinal) : layer.Name);
            Assert.Equal(row.InChannels, layer.InChannels);
            Assert.Equal(row.OutChannels, layer.OutChannels);
            Assert.Equal(row.Kernel, layer.Kernel);
            Assert.Equal(row.Out, layer.OutHeight);
            Assert.Equal(row.Out, layer.OutWidth);
            Assert.Equal(row.Weights, layer.Weights);
            Assert.Equal(row.Macs, layer.Macs);
            Assert.Equal(row.FullPrecision, layer.LarqFullPrecision);
            Assert.Equal(i == 0, layer.MultiBitInput);
            if (layer.Kind == ZooLayerKind.ShortcutConv)
            {
                // The study writes "avgpool2 + 1x1" as a stride-2 1x1 on the pool's input.
                Assert.Equal((row.In / 2, 2, 1), (layer.InHeight, row.Stride, layer.Stride));
            }
            else
            {
                Assert.Equal((row.In, row.In, row.Stride), (layer.InHeight, layer.InWidth, layer.Stride));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_Match_The_Study_Totals_And_Larq_Zoo_Parameter_Count(string model, string studyName, int layerCount)
    {
        var study = StudySection(studyName);
        var summary = ImageNetZoo.Describe(model);

        Assert.Equal(layerCount, summary.Layers.Count);
        Assert.Equal(study.Weights, summary.ConvDenseWeights);
        Assert.Equal(study.BatchNorm, summary.BatchNormParameters);
        Assert.Equal(study.Bias, summary.BiasParameters);
        Assert.Equal(study.Parameters, summary.Parameters);
        Assert.Equal(summary.LarqPublishedParameters, summary.Parameters);
        Assert.Equal(study.GigaMacs, Math.Round(summary.Macs / 1e9, 4));
    }

    [Theory]
    [InlineData("balexnet", 61_859_192, 841_367_552)]
    [InlineData("bresnet18", 11_699_368, 1_814_073_344)]
    [InlineData("bdensenet28", 5_150_504, 3_789_867_520)]
    public void Should_Count_Larq_Zoo_Parameters_And_Same_Padding_Macs(string model, long parameters, long macs)
    {
        var summary = ImageNetZoo.Describe(model);
        Assert.Equal(parameters, summary.Parameters);
        Assert.Equal(macs, summary.Macs);
    }

    [Theory]
    [InlineData("balexnet")]
    [InlineData("bresnet18")]
    [InlineData("bdensenet28")]
    public void Should_Reproduce_Larq_Zoo_Published_Memory(string model)
    {
        // Larq's "Memory": binary weights at 1 bit, all else at 32 bits, in MiB (Larq writes "MB").
        var summary = ImageNetZoo.Describe(model);
        Assert.Equal(summary.LarqPublishedMemoryMiB, Math.Round(summary.LarqMemoryBits / 8.0 / (1 << 20), 2));
        Assert.True(summary.AllBinaryMemoryBits <= summary.LarqMemoryBits);
    }

    [Theory]
    [InlineData(448, 2.7, 160)]
    [InlineData(544, 2.7, 192)]
    [InlineData(576, 2.2, 256)]
    public void Should_Size_Transitions_As_Larq_Does(int channels, double reduction, int expected) =>
        Assert.Equal(expected, Architectures.TransitionWidth(channels, reduction));

    [Fact]
    public void Should_Reject_An_Unknown_Model_And_List_The_Known_Ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageNetZoo.Describe("bvgg16"));
        Assert.StartsWith("unknown zoo model 'bvgg16'; known models: balexnet, bresnet18, bdensenet28", e.Message);
        Assert.Equal(["balexnet", "bresnet18", "bdensenet28"], ImageNetZoo.Names);
        Assert.Equal(21, ImageNetZoo.Describe("BResNet18").Layers.Count);
    }

    private static StudyModel StudySection(string name)
    {
        var lines = StudyLayerLists.Text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"== {name}:", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no section '{name}'");
        var rows = new List<StudyRow>();
        var i = start + 1;
        for (; i < lines.Length && RowPattern().Match(lines[i]) is { Success: true } m; i++)
        {
            int G(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            long L(string g) => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            Assert.Equal(G("h"), G("w"));
            rows.Add(new StudyRow(G("i"), m.Groups["name"].Value, m.Groups["desc"].Value.Contains("(fp", StringComparison.Ordinal),
                G("h"), G("cin"), G("k"), G("s"), G("cout"), G("out"), L("weights"), L("macs")));
        }

        var totals = TotalsPattern().Match(lines[i]);
        var macs = MacsPattern().Match(lines[i + 1]);
        Assert.True(totals.Success && macs.Success, $"no totals after section '{name}'");
        long T(string g) => long.Parse(totals.Groups[g].Value, CultureInfo.InvariantCulture);
        return new StudyModel(rows, T("weights"), T("bn"), T("bias"), T("params"),
            double.Parse(macs.Groups["g"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*(?<i>\d+) (?<name>\S+)(?<desc>.*?)\s+in\s+(?<h>\d+)x(?<w>\d+)\s+Cin\s+(?<cin>\d+) k(?<k>\d+)\s+s(?<s>\d+) Cout\s+(?<cout>\d+) -> out\s+(?<out>\d+)\s+W=\s*(?<weights>\d+)\s+MAC=\s*(?<macs>\d+)")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"conv/dense weights (?<weights>\d+) ; \+ BN (?<bn>\d+) \+ bias (?<bias>\d+) = (?<params>\d+) params")]
    private static partial Regex TotalsPattern();

    [GeneratedRegex(@"true MACs \(same padding\) (?<g>[\d.]+) G")]
    private static partial Regex MacsPattern();

    private sealed record StudyRow(int Index, string Name, bool FullPrecision, int In, int InChannels, int Kernel, int Stride,
        int OutChannels, int Out, long Weights, long Macs);

    private sealed record StudyModel(List<StudyRow> Rows, long Weights, long BatchNorm, long Bias, long Parameters, double GigaMacs);
}
