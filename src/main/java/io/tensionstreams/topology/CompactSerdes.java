package io.tensionstreams.topology;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tensionstreams.scoring.Contribution;
import io.tensionstreams.scoring.PairWindow;

/** The compact serdes of the topology's hot values; see {@link CompactSerde}. */
final class CompactSerdes {
    private CompactSerdes() {
    }

    static CompactSerde<NearDuplicateIndex.Entry> nearDuplicateEntry() {
        return new CompactSerde<>(NearDuplicateIndex.Entry.class) {
            @Override
            void write(NearDuplicateIndex.Entry entry, DataOutput out) throws IOException {
                out.writeLong(entry.simhash());
                out.writeLong(entry.time());
                out.writeUTF(entry.id());
            }

            @Override
            NearDuplicateIndex.Entry read(DataInput in) throws IOException {
                long simhash = in.readLong();
                long time = in.readLong();
                return new NearDuplicateIndex.Entry(in.readUTF(), simhash, time);
            }
        };
    }

    static CompactSerde<Contribution> contribution() {
        return new CompactSerde<>(Contribution.class) {
            @Override
            void write(Contribution contribution, DataOutput out) throws IOException {
                out.writeUTF(contribution.articleId());
                writeNullable(contribution.source(), out);
                out.writeUTF(contribution.pair());
                out.writeDouble(contribution.escalation());
                out.writeDouble(contribution.deescalation());
                out.writeDouble(contribution.tension());
                writeStrings(contribution.themes(), out);
            }

            @Override
            Contribution read(DataInput in) throws IOException {
                return new Contribution(in.readUTF(), readNullable(in), in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(),
                        readStrings(in));
            }
        };
    }

    static CompactSerde<PairWindow> pairWindow() {
        return new CompactSerde<>(PairWindow.class) {
            @Override
            void write(PairWindow window, DataOutput out) throws IOException {
                out.writeInt(window.articles());
                writeStrings(window.sources(), out);
                out.writeDouble(window.escalation());
                out.writeDouble(window.deescalation());
                out.writeInt(window.themes().size());
                for (Map.Entry<String, PairWindow.ThemeTally> theme : new TreeMap<>(window.themes()).entrySet()) {
                    out.writeUTF(theme.getKey());
                    out.writeInt(theme.getValue().articles());
                    out.writeDouble(theme.getValue().escalation());
                }
                out.writeInt(window.topArticles().size());
                for (PairWindow.TopArticle top : window.topArticles()) {
                    out.writeUTF(top.id());
                    out.writeDouble(top.weight());
                }
            }

            @Override
            PairWindow read(DataInput in) throws IOException {
                int articles = in.readInt();
                List<String> sources = readStrings(in);
                double escalation = in.readDouble();
                double deescalation = in.readDouble();
                int themeCount = in.readInt();
                Map<String, PairWindow.ThemeTally> themes = new TreeMap<>();
                for (int i = 0; i < themeCount; i++) {
                    themes.put(in.readUTF(), new PairWindow.ThemeTally(in.readInt(), in.readDouble()));
                }
                int topCount = in.readInt();
                List<PairWindow.TopArticle> top = new ArrayList<>(topCount);
                for (int i = 0; i < topCount; i++) {
                    top.add(new PairWindow.TopArticle(in.readUTF(), in.readDouble()));
                }
                return new PairWindow(articles, sources, escalation, deescalation, themes, top);
            }
        };
    }

    private static void writeStrings(List<String> values, DataOutput out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
