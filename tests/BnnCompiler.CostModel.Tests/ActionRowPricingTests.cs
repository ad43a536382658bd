using System.Reflection;
using System.Text.RegularExpressions;
using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// "Adding a component with one action is one table row plus its model" (docs/cost-model.md, "Adding a component"):
/// pricing has no per-row code, so a table holding any one row alone is charged count × that row's energy in that
/// row's bucket and nothing elsewhere; and the docs' example row has the shape of the table's rows.
/// </summary>
public sealed class ActionRowPricingTests
{
    private static readonly Lazy<ChipCircuits> Circuits = new(() => ChipCircuits.Build(CrossbarMapper.Map(
        BnnCompiler.Onnx.OnnxFrontend.Load(RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"))).Graph,
        HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), [])), CircuitOptions.Default));

    [Fact]
    public void Every_row_alone_is_priced_at_its_energy_in_its_bucket_only()
    {
        foreach (var row in ChipActions.All)
        {
            var layer = new LayerActionCounts { LayerId = 0, Layer = "x", Actions = ActionTable.Of((row, 7)) };
            var pj = Pricing.CostModel.DynamicEnergyPj(layer, Circuits.Value);
            var byBucket = new Dictionary<Bucket, double>
            {
                [Bucket.Crossbar] = pj.Crossbar, [Bucket.Adc] = pj.Adc, [Bucket.Accumulation] = pj.Accumulation,
                [Bucket.Interconnect] = pj.Interconnect, [Bucket.Buffer] = pj.Buffer, [Bucket.Other] = pj.Other,
            };
            Assert.Equal(7 * row.EnergyPj(Circuits.Value), byBucket[row.Bucket], 12);
            Assert.All(byBucket.Where(b => b.Key != row.Bucket), b => Assert.Equal(0, b.Value));
        }
    }

    [Fact]
    public void The_docs_example_row_has_the_arguments_of_every_row()
    {
        var docs = File.ReadAllText(RepoPaths.Repo("docs/cost-model.md"));
        var example = Regex.Match(docs, @"public static ChipAction SaturationCheck \{ get; \} = Row\((?<args>[^;]*)\);", RegexOptions.Singleline);
        Assert.True(example.Success, "docs/cost-model.md no longer shows the example row");
        var parameters = typeof(ChipActions).GetMethod("Row", BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters();
        var args = TopLevelArguments(example.Groups["args"].Value);
        Assert.Equal(parameters.Length, args.Count);
        Assert.Equal(ChipActions.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), args[0]);
        Assert.Contains(args[^1], Enum.GetNames<ActionCounter>().Select(n => "ActionCounter." + n));
        Assert.Contains(args[3], Enum.GetNames<Bucket>().Select(n => "Bucket." + n));
    }

    /// <summary>Splits "a, f(b, c), d" at its top-level commas.</summary>
    private static List<string> TopLevelArguments(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }
}
