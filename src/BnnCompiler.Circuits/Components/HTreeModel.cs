namespace BnnCompiler.Circuits.Components;

/// <summary>
/// An H-tree over a grid of n_x × n_y equal blocks of w × h (µm): the buffer sits at the root (the centre).
/// <list type="bullet">
/// <item>Total wire length: every level halves the span and doubles the branches, so an H-tree over n leaves of
/// pitch s has about 1.5 · n · s of wire (for the square case); for a rectangle, L_tree = ¾ · n_x·n_y · (w + h).</item>
/// <item>Root-to-leaf path: half the span in each direction, L_path = (n_x·w + n_y·h) / 2.</item>
/// <item>The tree conserves its width: the bus of B wires leaving the root is split between the two branches at
/// every branch point, so each level holds B wires in all (DNN+NeuroSim V1.3, HTree.cpp: "which ever stage, the sum
/// of wireWidth should always equal to busWidth"). Its wiring (width × length) is therefore B · L_path, not
/// B · L_tree, and the n leaves share the root's bandwidth: a group of k leaves gets B · k / n wires.</item>
/// <item>Switched: a bit sent down travels the path to its leaf only; a bit sent to every block of one row travels to
/// that row (n_y·h / 2) and along it ((n_x − 1) · w).</item>
/// </list>
/// </summary>
public static class HTreeModel
{
    public static double TotalLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        columns * rows <= 1 ? 0 : 0.75 * columns * rows * (blockWidthUm + blockHeightUm);

    public static double PathLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        columns * rows <= 1 ? 0 : ((columns * blockWidthUm) + (rows * blockHeightUm)) / 2;

    /// <summary>Wire from the root to every block of one row of the grid.</summary>
    public static double MulticastLengthUm(int columns, int rows, double blockWidthUm, double blockHeightUm) =>
        columns * rows <= 1 ? 0 : (rows * blockHeightUm / 2) + ((columns - 1) * blockWidthUm);
}
