using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// A chip's defect map, as its test writes it: every stuck cell with its subarray and position (<see cref="DefectEntry"/>).
/// Subarrays not named have no stuck cell. Read and written as CSV by <see cref="DefectMapCsv"/>.
/// </summary>
public sealed class DefectMap
{
    private readonly Dictionary<(int Tile, int Pe, int Subarray), List<DefectEntry>> _bySubarray = [];

    public DefectMap(IEnumerable<DefectEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        foreach (var e in Entries)
        {
            var key = (e.Tile, e.Pe, e.Subarray);
            if (!_bySubarray.TryGetValue(key, out var list))
            {
                _bySubarray[key] = list = [];
            }

            list.Add(e);
        }
    }

    public IReadOnlyList<DefectEntry> Entries { get; }

    /// <summary>The stuck cells of the subarray at <paramref name="address"/>, on a grid of the fabricated size.</summary>
    public SubarrayDefects For(SubarrayAddress address, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(address);
        return For(address.Tile, address.Pe, address.Subarray, rows, columns);
    }

    /// <summary>The stuck cells of subarray <paramref name="subarray"/> of a PE (a spare subarray's index follows the
    /// PE's subarrays), on a grid of the fabricated size.</summary>
    public SubarrayDefects For(int tile, int pe, int subarray, int rows, int columns)
    {
        var cells = new StuckState[rows * columns];
        if (_bySubarray.TryGetValue((tile, pe, subarray), out var list))
        {
            foreach (var e in list)
            {
                if (e.Row < rows && e.Column < columns)
                {
                    cells[(e.Row * columns) + e.Column] = e.State;
                }
            }
        }

        return new SubarrayDefects(rows, columns, cells);
    }

    /// <summary>
    /// Refuses (<see cref="MappingCodes.DefectOutsideChip"/>, naming the file and line) an entry whose subarray or cell the
    /// mapped chip does not have: tile id beyond the chip's tiles, PE beyond a tile's, subarray beyond a PE's (its spare
    /// subarrays, <c>pe.spare_subarrays</c>, follow them), row or column beyond the fabricated subarray (spares included).
    /// </summary>
    public void CheckAgainst(ChipMapping mapping, string path)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var fp = mapping.Floorplan;
        var sub = mapping.Spec.Subarray;
        var perPe = fp.SubarraysPerPe.Count + mapping.Spec.Pe.SpareSubarrays;
        foreach (var e in Entries)
        {
            var problem =
                e.Tile >= fp.Tiles.Count ? $"tile {e.Tile} is beyond the chip's {fp.Tiles.Count} tiles (0..{fp.Tiles.Count - 1})"
                : e.Pe >= fp.PesPerTile.Count ? $"PE {e.Pe} is beyond a tile's {fp.PesPerTile.Count} PEs (0..{fp.PesPerTile.Count - 1})"
                : e.Subarray >= perPe ? $"subarray {e.Subarray} is beyond a PE's {perPe} subarrays (0..{perPe - 1}, {mapping.Spec.Pe.SpareSubarrays} spare subarrays included)"
                : e.Row >= sub.PhysicalRows ? $"row {e.Row} is beyond the subarray's {sub.PhysicalRows} rows (0..{sub.PhysicalRows - 1}, spares included)"
                : e.Column >= sub.PhysicalColumns ? $"column {e.Column} is beyond the subarray's {sub.PhysicalColumns} columns (0..{sub.PhysicalColumns - 1}, spares included)"
                : null;
            if (problem is not null)
            {
                throw new DiagnosticException(Diagnostic.Error(MappingCodes.DefectOutsideChip, problem, new SourceLocation(path, e.Line == 0 ? null : e.Line)));
            }
        }
    }
}
