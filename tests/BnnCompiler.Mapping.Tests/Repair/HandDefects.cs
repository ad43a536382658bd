using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>Hand-written defect maps of one subarray for the repair tests.</summary>
internal static class HandDefects
{
    /// <summary>A <paramref name="rows"/> × <paramref name="columns"/> subarray whose listed cells are stuck, the rest healthy.</summary>
    public static SubarrayDefects Subarray(int rows, int columns, params (int Row, int Column, StuckState State)[] stuck)
    {
        var cells = new StuckState[rows * columns];
        foreach (var (r, c, s) in stuck)
        {
            cells[(r * columns) + c] = s;
        }

        return new SubarrayDefects(rows, columns, cells);
    }
}
