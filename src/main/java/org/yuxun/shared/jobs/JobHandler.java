package org.yuxun.shared.jobs;

/**
 * The work of one kind of background job. A handler runs in the data scope of the user who submitted the job and
 * manages its own transactions, committing in chunks and reporting progress between them, so a page polling the
 * job sees the rows committed so far.
 */
public interface JobHandler {

    /** The {@code job.kind} this handler runs, for example {@code enrolment.import.validate}. */
    String kind();

    /**
     * Does the work.
     *
     * @return the result, stored as JSON in {@code job.result}; a {@code link} entry is shown on the progress page
     * @throws org.yuxun.shared.InvalidInput when the input cannot be processed: its message is shown to the owner
     */
    Object run(JobContext context);
}
