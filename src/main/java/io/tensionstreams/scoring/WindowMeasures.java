package io.tensionstreams.scoring;

/**
 * What the alert rule judges of a closed window: the headline index, the intensity (-100..+100)
 * and the attention share (0..1).
 */
public record WindowMeasures(double index, double intensity, double attentionShare) {
}
