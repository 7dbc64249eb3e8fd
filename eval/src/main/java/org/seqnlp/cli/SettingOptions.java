package org.seqnlp.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The options of a command that set the fields of a training-settings record. As the command's picocli
 * default provider it gives each option the record's default, so that {@code --help} shows what training
 * uses; and it turns the record's {@code validate()} errors, which name the setting, into usage errors
 * (exit code 2) that name the option instead.
 */
abstract class SettingOptions implements CommandLine.IDefaultValueProvider {

  /**
   * An option that sets the setting {@code key} ({@code null} when {@code validate()} does not check it) and
   * its default ({@code null}: none, the command chooses).
   */
  record Setting(String option, String key, Object defaultValue) {
  }

  private final List<Setting> settings;

  SettingOptions(Setting... settings) {
    this.settings = List.of(settings);
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec argument) {
    if (argument instanceof CommandLine.Model.OptionSpec option) {
      for (Setting setting : settings) {
        if (setting.option().equals(option.longestName()) && setting.defaultValue() != null) {
          return setting.defaultValue().toString();
        }
      }
    }
    return null;
  }

  /** {@code invalid}'s message as a usage error, its leading setting key replaced by the option that sets it. */
  CommandLine.ParameterException usageError(CommandLine.Model.CommandSpec spec, IllegalArgumentException invalid) {
    Setting named = named(invalid);
    String message = invalid.getMessage();
    if (named != null) {
      message = named.option() + message.substring(named.key().length());
    }
    return new CommandLine.ParameterException(spec.commandLine(), message, invalid);
  }

  /** The setting whose key {@code invalid}'s message starts with, or null. */
  Setting named(IllegalArgumentException invalid) {
    String message = String.valueOf(invalid.getMessage());
    for (Setting setting : settings) {
      if (setting.key() != null && message.startsWith(setting.key() + " ")) {
        return setting;
      }
    }
    return null;
  }
}
