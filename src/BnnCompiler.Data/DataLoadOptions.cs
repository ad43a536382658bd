namespace BnnCompiler.Data;

/// <summary>
/// How <see cref="DatasetCatalog.Load(string, DataLoadOptions)"/> reads an images file given by path.
/// </summary>
/// <param name="Layout">Axis order of a four-dimensional images file; <see cref="DataLayout.Auto"/> decides it.</param>
/// <param name="ModelInput">
/// The model's input shape without its batch axis (e.g. 3, 32, 32), used by <see cref="DataLayout.Auto"/>; null when
/// there is no model.
/// </param>
/// <param name="LabelsPath">A labels file (IDX labels or .npy of shape (N,)) in place of the one found beside the images.</param>
public sealed record DataLoadOptions(DataLayout Layout = DataLayout.Auto, IReadOnlyList<int>? ModelInput = null, string? LabelsPath = null)
{
    public static DataLoadOptions Default { get; } = new();
}
