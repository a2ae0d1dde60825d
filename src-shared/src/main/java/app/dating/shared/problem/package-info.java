/**
 * The platform's one error model: RFC 9457 problem details with stable type URIs, and the
 * business exceptions that services throw without knowing about HTTP.
 */
package app.dating.shared.problem;
