namespace BnnCompiler.CostModel.Components;

/// <summary>
/// An H-tree over a grid of n_x × n_y equal blocks of w × h (µm): the buffer sits at the root (the centre).
/// <list type="bullet">
/// <item>Total wire length: every level halves the span and doubles the branches, so an H-tree over n leaves of
/// pitch s has about 1.5 · n · s of wire (for the square case); for a rectangle, L_tree = ¾ · n_x·n_y · (w + h).</item>
/// <item>Root-to-leaf path: half the span in each direction, L_path = (n_x·w + n_y·h) / 2.</item>
/// <item>A plain buffered H-tree broadcasts: the repeater at each branch point drives both children, so data sent
/// down reaches (and charges) the whole tree; data sent up from one leaf travels its own path through the merge
/// points.</item>
/// </list>
/// </summary>
public static class HTreeModel
{
    public static double TotalLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        columns * rows <= 1 ? 0 : 0.75 * columns * rows * (blockWidthUm + blockHeightUm);

    public static double PathLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        columns * rows <= 1 ? 0 : ((columns * blockWidthUm) + (rows * blockHeightUm)) / 2;
}
