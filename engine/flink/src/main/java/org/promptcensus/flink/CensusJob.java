package org.promptcensus.flink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * The job's entry point, for {@code flink run census-flink.jar --mode batch|stream ...}: parses the
 * parameters ({@link JobOptions#USAGE}), builds the batch or streaming pipeline and runs it.
 */
public final class CensusJob {
    private CensusJob() {
    }

    /**
     * @param args the job's parameters
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (CensusException e) {
            if (e.code() == ErrorCode.BAD_USAGE) {
                System.err.println("census-flink: " + e.getMessage());
                System.err.println(JobOptions.USAGE);
            }
            throw e;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, options);
        env.execute(options.batch() != null ? "census batch" : "census stream");
    }

    /**
     * @param env the environment
     * @param options the options
     */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        if (options.parallelism() > 0) {
            env.setParallelism(options.parallelism());
        }
        if (options.batch() != null) {
            BatchPipeline.build(env, options);
        } else {
            StreamingPipeline.build(env, options);
        }
    }
}
