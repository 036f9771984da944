package io.tensionstreams.topology;

import java.util.Optional;

import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.avro.ThemeScore;
import io.tensionstreams.scoring.AlertRule;
import io.tensionstreams.scoring.Baseline;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges each final window score against the pair's baseline for that window size, raises an alert
 * when the rule says so, then folds the score into the baseline. Keyed by pair, so a pair's
 * baselines live with its windows.
 */
final class AlertProcessor implements Processor<String, TensionScore, String, TensionAlert> {
    static final String STORE = "pair-baselines";

    private final AlertRule rule;
    private final AlertListener listener;
    private ProcessorContext<String, TensionAlert> context;
    private KeyValueStore<String, Baseline> baselines;

    AlertProcessor(AlertRule rule, AlertListener listener) {
        this.rule = rule;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, TensionAlert> context) {
        this.context = context;
        this.baselines = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, TensionScore> record) {
        TensionScore score = record.value();
        String key = score.getPair() + "@" + score.getWindowSize();
        Baseline baseline = Optional.ofNullable(baselines.get(key)).orElse(Baseline.empty());
        rule.judge(score.getIndex(), baseline).ifPresent(verdict -> {
            TensionAlert alert = alertOf(score, baseline, verdict);
            listener.alerted(alert);
            context.forward(record.withValue(alert));
        });
        baselines.put(key, baseline.update(score.getIndex(), rule.history()));
    }

    private static TensionAlert alertOf(TensionScore score, Baseline baseline, AlertRule.Verdict verdict) {
        return TensionAlert.newBuilder()
                .setPair(score.getPair())
                .setCountryA(score.getCountryA())
                .setCountryB(score.getCountryB())
                .setWindowSize(score.getWindowSize())
                .setWindowStart(score.getWindowStart())
                .setWindowEnd(score.getWindowEnd())
                .setIndex(score.getIndex())
                .setBaselineMean(ScoreMapper.round(baseline.mean()))
                .setBaselineStdDev(ScoreMapper.round(baseline.standardDeviation()))
                .setZScore(verdict.zScore() == null ? null : ScoreMapper.round(verdict.zScore()))
                .setReason(verdict.reason().label())
                .setThemes(score.getThemes().stream().map(ThemeScore::getTheme).toList())
                .setArticleIds(score.getTopArticles())
                .build();
    }
}
