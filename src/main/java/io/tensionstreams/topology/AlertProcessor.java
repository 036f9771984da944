package io.tensionstreams.topology;

import java.util.List;
import java.util.Optional;

import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.avro.ThemeScore;
import io.tensionstreams.scoring.AlertRule;
import io.tensionstreams.scoring.PairHistory;
import io.tensionstreams.scoring.WindowMeasures;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges each final window score against the pair's own history for that window size, raises an
 * alert when the rule says so, then folds the window's intensity and attention share into the history. Keyed by pair, so a pair's
 * baselines live with its windows.
 */
final class AlertProcessor implements Processor<String, TensionScore, String, TensionAlert> {
    /** Renamed from pair-baselines when the history became one of intensity and attention: old baselines are not read. */
    static final String STORE = "pair-history";

    private final AlertRule rule;
    private final AlertListener listener;
    private ProcessorContext<String, TensionAlert> context;
    private KeyValueStore<String, PairHistory> histories;

    AlertProcessor(AlertRule rule, AlertListener listener) {
        this.rule = rule;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, TensionAlert> context) {
        this.context = context;
        this.histories = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, TensionScore> record) {
        TensionScore score = record.value();
        if (score.getRevised()) {
            // The window was judged and folded into the history when it closed; a late article does not judge it twice.
            return;
        }
        String key = score.getPair() + "@" + score.getWindowSize();
        PairHistory history = Optional.ofNullable(histories.get(key)).orElse(PairHistory.empty());
        WindowMeasures measures = new WindowMeasures(score.getIndex(), score.getIntensity(), score.getAttentionShare());
        rule.judge(measures, history).ifPresent(verdict -> {
            TensionAlert alert = alertOf(score, verdict);
            listener.alerted(alert);
            context.forward(record.withValue(alert));
        });
        histories.put(key, history.update(measures, rule.history()));
    }

    /** The themes the window's articles are about, strongest first; a theme they only mention does not describe the alert. */
    private static List<String> themesAbout(TensionScore score) {
        return score.getThemes().stream().filter(theme -> theme.getArticles() > 0).map(ThemeScore::getTheme).toList();
    }

    private static TensionAlert alertOf(TensionScore score, AlertRule.Verdict verdict) {
        return TensionAlert.newBuilder()
                .setPair(score.getPair())
                .setCountryA(score.getCountryA())
                .setCountryB(score.getCountryB())
                .setWindowSize(score.getWindowSize())
                .setWindowStart(score.getWindowStart())
                .setWindowEnd(score.getWindowEnd())
                .setIndex(score.getIndex())
                .setBaselineMean(ScoreMapper.round(verdict.baselineMean()))
                .setBaselineStdDev(ScoreMapper.round(verdict.baselineStdDev()))
                .setZScore(verdict.zScore() == null ? null : ScoreMapper.round(verdict.zScore()))
                .setReason(verdict.reason().label())
                .setThemes(themesAbout(score))
                .setArticleIds(score.getTopArticles())
                .setIntensity(score.getIntensity())
                .setAttentionShare(score.getAttentionShare())
                .build();
    }
}
