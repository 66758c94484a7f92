/** Where a decoder hands its samples: views that are valid only during the call. */
export type AudioSink = (channels: readonly Float32Array[], sampleRate: number) => void;
