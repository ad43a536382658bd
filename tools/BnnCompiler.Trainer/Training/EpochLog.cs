using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Training;

/// <summary>One epoch's figures.</summary>
internal sealed record EpochLog(int Epoch, double Loss, double TrainAccuracy, double Seconds, double? TestAccuracy);
