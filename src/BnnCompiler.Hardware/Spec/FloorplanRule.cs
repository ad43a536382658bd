namespace BnnCompiler.Hardware;

/// <summary>
/// Rule for auto tile / PE sizes: <c>Utilization</c> halves down to 2 subarrays a side and keeps the best weight
/// utilisation; <c>NeuroSim</c> follows DNN+NeuroSim V1.3's floorplan (halving stops at tiles of more than 4 and PEs of
/// more than 2 subarrays a side).
/// </summary>
public enum FloorplanRule
{
    Utilization,
    NeuroSim,
}
