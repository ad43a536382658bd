namespace BnnCompiler.Circuits.Components;

/// <summary>
/// A 2-D mesh over a grid of n_x × n_y equal blocks of w × h (µm): a router per block and a link of the full bus width
/// between every pair of neighbours, (n_x − 1)·n_y horizontal links of w and (n_y − 1)·n_x vertical links of h. The
/// global buffer sits beside block (0, 0), so every transfer to or from it crosses the one link there: the mesh
/// gives the whole chip the bus width, not a share per block as the width-conserving H-tree does.
/// </summary>
public static class MeshModel
{
    /// <summary>Length of all links, in µm (multiply by the bus width for the wiring).</summary>
    public static double LinkLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        ((columns - 1) * rows * blockWidthUm) + ((rows - 1) * columns * blockHeightUm);
}
