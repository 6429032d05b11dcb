/**
 * Training subsidies (职业培训补贴, 生活费补贴; issue 6): an HRSS authority's versioned subsidy policies for its
 * region, claims generated from the training records of a completed class with the checks explained on each line,
 * line-by-line review by the city HRSS officer, disbursement records and totals (seeds/001 §二(九) "全面落实职业培训补贴、
 * 生活费补贴政策，确保符合条件的参训人员应享尽享"; seeds/000 §(十九); seeds/002 L1249). Checks that must look across
 * institutions (the same person subsidised elsewhere, overlapping classes) run in system scope and report only
 * their finding.
 */
package org.yuxun.subsidy;
