using System.Text;

namespace IcpScoring.Samples;

// Prospects a team has labeled by hand: the label follows the sample ICP (PRODUCT.md §8) on the
// full facts, then some cells go missing and some labels are wrong, as in any hand-labeled set.
internal static class LabeledProspects
{
    public const double LabelNoise = 0.03;

    public static SampleFile Write(string path, Random random, int count)
    {
        var content = new StringBuilder("Title,Industry,Company Size,IsIcp\n");
        var log = new QuirkLog();
        for (var i = 0; i < count; i++)
        {
            // Prospect lists are already skewed towards marketing and tech, hence the high shares.
            var title = random.Chance(0.40) ? Titles.Icp(random) : Titles.NonIcp(random);
            var industry = random.Chance(0.62)
                ? random.PickWeighted(Industries.Icp, x => x.Weight)
                : random.PickWeighted(Industries.NonIcp, x => x.Weight);
            var size = random.Chance(0.70)
                ? random.PickWeighted(SizeBuckets.Icp, x => x.Weight)
                : random.PickWeighted(SizeBuckets.NonIcp, x => x.Weight);
            var isIcp = title.IsIcp && industry.IsIcp && size.IsIcp;
            var quirks = Quirk.None;
            if (random.Chance(LabelNoise))
            {
                isIcp = !isIcp;
                quirks |= Quirk.LabelNoise;
            }

            var (text, titleQuirk) = Titles.Decorate(random, title.Text, 0.05);
            quirks |= titleQuirk;
            var industryCell = industry.Label;
            if (random.Chance(0.06))
            {
                industryCell = "";
                quirks |= Quirk.MissingIndustry;
            }

            var sizeCell = size.Label;
            if (random.Chance(0.07))
            {
                sizeCell = "";
                quirks |= Quirk.MissingSize;
            }

            content.Append(Csv.Line(text, industryCell, sizeCell, isIcp ? "true" : "false")).Append('\n');
            log.Note(i + 2, quirks);
        }

        return new SampleFile(path, content.ToString(), WithBom: false, count, log.FirstLines);
    }
}
