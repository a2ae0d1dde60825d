/** RFC 9457 problem responses for every failure of the API; see {@code ProblemType} for the types. */
package app.dating.api.problem;
