using Microsoft.ML;
using Microsoft.ML.Data;

namespace IcpScoring.Model;

/// <summary>
/// Labeled rows already turned into feature vectors, held in memory so cross-validation folds can
/// take any subset of them without featurizing the titles again.
/// </summary>
internal sealed class FeaturedRows
{
    private readonly Row[] _rows;
    private readonly SchemaDefinition _schema;

    private FeaturedRows(Row[] rows, SchemaDefinition schema)
    {
        _rows = rows;
        _schema = schema;
    }

    public static FeaturedRows From(IDataView featured, IReadOnlyList<float> weights)
    {
        var features = featured.Schema[Featurizer.Features];
        var compact = featured.Schema[Featurizer.CompactFeatures];
        var label = featured.Schema["Label"];
        var rows = new List<Row>();
        using (var cursor = featured.GetRowCursor([features, compact, label]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
            var getCompact = cursor.GetGetter<VBuffer<float>>(compact);
            var getLabel = cursor.GetGetter<bool>(label);
            VBuffer<float> value = default;
            var flag = false;
            while (cursor.MoveNext())
            {
                var row = new Row();
                getFeatures(ref value);
                row.Features = Copy(value);
                getCompact(ref value);
                row.CompactFeatures = Copy(value);
                getLabel(ref flag);
                row.Label = flag;
                row.Weight = weights[rows.Count];
                rows.Add(row);
            }
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Featurizer.Features].ColumnType = features.Type;
        schema[Featurizer.CompactFeatures].ColumnType = compact.Type;
        return new FeaturedRows([.. rows], schema);
    }

    /// <summary>The rows whose index satisfies <paramref name="include"/>, in order.</summary>
    public IDataView View(MLContext ml, Func<int, bool> include) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, _rows.Length).Where(include).Select(i => _rows[i]), _schema);

    private static VBuffer<float> Copy(in VBuffer<float> value)
    {
        VBuffer<float> copy = default;
        value.CopyTo(ref copy);
        return copy;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        public VBuffer<float> Features { get; set; }

        public VBuffer<float> CompactFeatures { get; set; }
    }
}
