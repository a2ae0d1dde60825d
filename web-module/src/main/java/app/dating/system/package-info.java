/** Health (cheap and dependency-deep) and operator diagnostics. */
package app.dating.system;
