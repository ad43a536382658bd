using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Decides how many copies of its weights each layer gets. Fixed: <c>degree</c> copies (at most one per output
/// pixel). Auto: repeatedly give the slowest stage (its schedule cycles, <see cref="BuildSchedule.StageCycles"/>:
/// ⌈pixels / copies⌉ · input bits · sensing cycles per input bit of its row groups) the fewest extra copies that
/// lower it, while it stays within max_copies and the tile budget (tile_budget and a fixed chip grid); pipelined,
/// stop when the slowest stage cannot be lowered; layer-by-layer, go on with the slowest that can.
/// <code>
/// before: conv1 784 px x 8 bits x 8 = 50176 cycles (9 rows: one group of 32), conv2 784 px x 1 bit x 32 = 25088
///         (64 rows: two groups), conv3 and conv4 6272 (1 copy each; parallel_rows = 32 of 128)
/// after:  conv1 8 copies (6272), conv2 4 copies (6272), the rest 1 copy; one image every 6272 cycles, 6 more tiles
/// </code>
/// </summary>
internal static class BalanceDuplication
{
    public static int[] Run(IReadOnlyList<MatrixLayer> layers, IReadOnlyList<LayerPartition> partitions, HardwareSpec spec, DiagnosticBag bag)
    {
        var duplication = spec.Pipeline.Duplication;
        var chipTiles = spec.Chip.Tiles?.Count;
        var oneCopy = partitions.Sum(p => p.Tiles);
        if (duplication.Mode == DuplicationMode.Fixed)
        {
            var fixedCopies = layers.Select(l => Math.Min(duplication.Degree, l.Pixels)).ToArray();
            var total = fixedCopies.Select((c, i) => c * partitions[i].Tiles).Sum();
            if (chipTiles is { } t && total > t && oneCopy <= t)
            {
                bag.Error(MappingCodes.DuplicationDoesNotFit,
                    $"pipeline.duplication.degree {duplication.Degree} needs {total} tiles, but chip.tiles holds {t}; one copy of each layer needs {oneCopy}",
                    new SourceLocation(spec.SourcePath, Detail: "pipeline.duplication.degree"));
            }

            return fixedCopies;
        }

        if (duplication.TileBudget is { } budgetSet && oneCopy > budgetSet)
        {
            bag.Error(MappingCodes.DuplicationDoesNotFit,
                $"pipeline.duplication.tile_budget {budgetSet} is below the {oneCopy} tiles one copy of each layer needs",
                new SourceLocation(spec.SourcePath, Detail: "pipeline.duplication.tile_budget"));
            return layers.Select(_ => 1).ToArray();
        }

        var budget = Math.Min(duplication.TileBudget ?? int.MaxValue, chipTiles ?? int.MaxValue);
        return Greedy(layers, partitions, spec, duplication.MaxCopies, budget);
    }

    private static int[] Greedy(IReadOnlyList<MatrixLayer> layers, IReadOnlyList<LayerPartition> partitions, HardwareSpec spec, int maxCopies, int budget)
    {
        var copies = layers.Select(_ => 1).ToArray();
        long tiles = partitions.Sum(p => p.Tiles);
        while (true)
        {
            int? pick = null;
            var order = Enumerable.Range(0, layers.Count).OrderByDescending(i => BuildSchedule.StageCycles(layers[i], copies[i], spec)).ThenBy(i => i);
            foreach (var i in order)
            {
                var next = NextUsefulCopies(layers[i].Pixels, copies[i]);
                if (next is { } n && n <= maxCopies && tiles + ((long)(n - copies[i]) * partitions[i].Tiles) <= budget)
                {
                    pick = i;
                    break;
                }

                if (spec.Pipeline.Mode == PipelineMode.LayerPipelined)
                {
                    break; // the slowest stage sets the pipeline's pace: lowering any other stage gains nothing
                }
            }

            if (pick is not { } p)
            {
                return copies;
            }

            var more = NextUsefulCopies(layers[p].Pixels, copies[p])!.Value;
            tiles += (long)(more - copies[p]) * partitions[p].Tiles;
            copies[p] = more;
        }
    }

    /// <summary>The fewest copies above <paramref name="copies"/> that lower ⌈pixels / copies⌉, or null when none does.</summary>
    public static int? NextUsefulCopies(int pixels, int copies)
    {
        var target = LayerPartition.Ceil(pixels, copies) - 1;
        return target < 1 ? null : LayerPartition.Ceil(pixels, target);
    }
}
