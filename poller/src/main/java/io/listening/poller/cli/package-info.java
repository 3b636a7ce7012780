/**
 * The command line shared by every command of the poller jar, on picocli: options fed by {@link
 * io.listening.poller.cli.Env} variables, help that names them, and one way to fail ({@link
 * io.listening.poller.cli.ExitCodes}).
 */
package io.listening.poller.cli;
