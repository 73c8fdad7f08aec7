import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ruleDoc
} from "../chunk-DCELLLWZ.js";
import {
  HOMEPAGE,
  SEVERITY_RANK,
  VERSION,
  check,
  findRoot
} from "../chunk-ZZI6DFK5.js";
import {
  SCHEMA_KINDS
} from "../chunk-7F37UJFD.js";
import "../chunk-LWS4JGSW.js";
import {
  PmoError,
  UsageError
} from "../chunk-AQYAWNHD.js";
import {
  defaultSeverity
} from "../chunk-AD6RLNFM.js";
import {
  configFrom,
  didYouMean
} from "../chunk-Z7XGHFUL.js";
import "../chunk-3YZKDRFQ.js";
import "../chunk-VLAGI7YW.js";
import {
  CONFIG_FILE
} from "../chunk-SQVBLHBJ.js";
import {
  isRecord
} from "../chunk-GDLKBVT7.js";
import "../chunk-4U7J3DC7.js";
import "../chunk-CR2WQIQH.js";
import {
  DATE,
  isRealDate
} from "../chunk-3MDRI6XN.js";
import "../chunk-5T6JFE2Z.js";
import {
  __commonJS,
  __require,
  __toESM
} from "../chunk-V4RWK56N.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode2, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode2;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode2, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode2, code, message));
        }
        process2.exit(exitCode2);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode2 = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode2, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode2 = Number(process2.exitCode ?? 0);
        if (exitCode2 === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode2 = 1;
        }
        this._exit(exitCode2, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// dist/output/write.js
var guarded = false;
function guardStdout() {
  if (guarded)
    return;
  guarded = true;
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE")
      throw error;
  });
}
function writeStdout(text2) {
  guardStdout();
  return new Promise((resolve3, reject) => {
    if (text2 === "")
      return resolve3();
    process.stdout.write(text2, (error) => {
      if (error && error.code !== "EPIPE")
        reject(error);
      else
        resolve3();
    });
  });
}
function writeStderr(text2) {
  process.stderr.write(text2.endsWith("\n") ? text2 : `${text2}
`);
}

// dist/output/controls.js
var showControls = (text2) => text2.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

// dist/output/totals.js
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var SEVERITY_WORD = { error: "error", warn: "warning", info: "info" };
function totalsLine(findings) {
  const open = findings.filter((f) => !f.waived);
  const waived = findings.length - open.length;
  const count = (s) => open.filter((f) => f.severity === s).length;
  const infos = count("info");
  const parts = [plural(count("error"), "error"), plural(count("warn"), "warning"), ...infos ? [plural(infos, "info")] : []];
  const files = new Set(open.map((f) => f.file)).size;
  return `${plural(open.length, "problem")} (${parts.join(", ")}) in ${plural(files, "file")}${waived ? `, ${waived} waived` : ""}`;
}

// dist/output/formatters/markdown.js
function cell(text2) {
  return text2.split(/\r\n|\r|\n/).map((line) => showControls(line).replace(/[\\`*_[\]<>|~&]/g, (c) => `&#${c.charCodeAt(0)};`)).join("<br>");
}
function ruleLink(id, ctx) {
  const { helpUri } = ctx.rule(id);
  return helpUri ? `[${cell(id)}](${encodeURI(helpUri).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : cell(id);
}
var where = (f) => cell(`${f.file}:${f.line}`);
var markdown = (findings, ctx) => {
  const open = findings.filter((f) => !f.waived);
  const waived = findings.filter((f) => f.waived);
  const out = [open.length ? `### pmo check: ${totalsLine(findings)}` : `### pmo check: No problems found in ${plural(ctx.files.length, "file")}`, ""];
  if (open.length) {
    const sorted = [...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    out.push("| severity | file:line | rule | message |", "|---|---|---|---|");
    for (const f of sorted)
      out.push(`| ${SEVERITY_WORD[f.severity]} | ${where(f)} | ${ruleLink(f.rule, ctx)} | ${cell(f.message)} |`);
    out.push("");
  }
  if (waived.length) {
    out.push(`<details><summary>${plural(waived.length, "waived finding")}</summary>`, "");
    out.push("| file:line | rule | message | waiver |", "|---|---|---|---|");
    for (const f of waived) {
      const w = f.waived;
      out.push(`| ${where(f)} | ${ruleLink(f.rule, ctx)} | ${cell(f.message)} | ${cell(`until ${w.expires}, approved by ${w.approved_by}: ${w.reason}`)} |`);
    }
    out.push("", "</details>", "");
  }
  return out.join("\n");
};

// dist/output/formatters/github.js
var COMMAND = { error: "error", warn: "warning", info: "notice" };
var ANNOTATIONS_SHOWN = 10;
var escapeData = (s) => showControls(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function annotation(f) {
  const oneLine = f.line === f.endLine;
  const properties = {
    file: f.file,
    line: f.line,
    ...oneLine ? { col: f.column } : {},
    endLine: f.endLine,
    ...oneLine ? { endColumn: f.endColumn } : {},
    title: f.rule
  };
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${COMMAND[f.severity]} ${list.join(",")}::${escapeData(f.message)}`;
}
var github = (findings) => {
  const open = findings.filter((f) => !f.waived);
  const bySeverity = [...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const cut = ["error", "warn", "info"].some((s) => open.filter((f) => f.severity === s).length > ANNOTATIONS_SHOWN);
  const note = cut ? `; GitHub annotates ${ANNOTATIONS_SHOWN} of each kind, the job summary lists them all` : "";
  return [...bySeverity.map(annotation), `pmo check: ${totalsLine(findings)}${note}`, ""].join("\n");
};
function githubSummary(findings, ctx) {
  return markdown(findings, ctx);
}

// dist/output/fingerprint.js
import { createHash } from "node:crypto";
function fingerprints(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    const identity = [f.rule, f.file, f.project ?? "", f.item ?? "", f.message].join("\0");
    const earlier = seen.get(identity) ?? 0;
    seen.set(identity, earlier + 1);
    return createHash("sha256").update(earlier ? `${identity}\0${earlier}` : identity).digest("hex");
  });
}

// dist/output/formatters/gitlab.js
var SEVERITY = { error: "major", warn: "minor", info: "info" };
var gitlab = (findings) => {
  const open = findings.filter((f) => !f.waived);
  const ids = fingerprints(open);
  const issues = open.map((f, i) => ({
    description: f.message,
    check_name: f.rule,
    fingerprint: ids[i],
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } }
  }));
  return `${JSON.stringify(issues, null, 2)}
`;
};

// dist/output/formatters/json.js
var json = (findings) => `${JSON.stringify(findings, null, 2)}
`;

// dist/output/formatters/junit.js
var ILLEGAL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };
var legal = (text2) => showControls(text2).replace(ILLEGAL, "\uFFFD");
var text = (value) => legal(value).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
var attr = (value) => text(value).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
function casesOf(findings) {
  const byRule = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const c = byRule.get(f.rule) ?? { rule: f.rule, open: [], waived: [] };
    (f.waived ? c.waived : c.open).push(f);
    byRule.set(f.rule, c);
  }
  return [...byRule.values()];
}
var classname = (file) => attr(file.replace(/\.ya?ml$/, ""));
function testcase(file, c) {
  const open = `    <testcase name="${attr(c.rule)}" classname="${classname(file)}"`;
  if (c.open.length === 0) {
    const w = c.waived[0].waived;
    const why = `waived until ${w.expires} (approved by ${w.approved_by}): ${w.reason}`;
    return `${open}>
      <skipped>${text(why)}</skipped>
    </testcase>`;
  }
  const worst = c.open.reduce((a, b) => SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a);
  const more = c.open.length > 1 ? ` (and ${c.open.length - 1} more)` : "";
  const lines = c.open.map((f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join("\n");
  return `${open}>
      <failure message="${attr(c.open[0].message + more)}" type="${worst.severity}">${text(lines)}</failure>
    </testcase>`;
}
var junit = (findings, { files }) => {
  const byFile = new Map(files.map((file) => [file, []]));
  for (const f of findings)
    byFile.set(f.file, [...byFile.get(f.file) ?? [], f]);
  let [tests, failures] = [0, 0];
  const suites = [...byFile].map(([file, list]) => {
    const cases = casesOf(list);
    const failed = cases.filter((c) => c.open.length > 0).length;
    const waived = cases.length - failed;
    tests += Math.max(cases.length, 1);
    failures += failed;
    const body = cases.length ? cases.map((c) => testcase(file, c)) : [`    <testcase name="pmo check" classname="${classname(file)}"/>`];
    const counts = `tests="${Math.max(cases.length, 1)}" failures="${failed}" errors="0" skipped="${waived}"`;
    return [`  <testsuite name="${attr(file)}" ${counts}>`, ...body, "  </testsuite>"].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pmo check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    "</testsuites>",
    ""
  ].join("\n");
};

// dist/output/formatters/sarif.js
var SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var LEVEL = { error: "error", warn: "warning", info: "note" };
var uriOf = (path) => path.split("/").map(encodeURIComponent).join("/");
var sarif = (findings, ctx) => {
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = ctx.rule(id);
    return {
      id,
      shortDescription: { text: info.description },
      help: { text: info.help },
      ...info.helpUri ? { helpUri: info.helpUri } : {}
    };
  });
  const ids = fingerprints(findings);
  const results = findings.map((f, i) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
        }
      }
    ],
    partialFingerprints: { "pmoFinding/v1": ids[i] },
    ...f.waived ? {
      suppressions: [
        {
          kind: "external",
          status: "accepted",
          justification: f.waived.reason,
          properties: { approvedBy: f.waived.approved_by, expires: f.waived.expires }
        }
      ]
    } : {}
  }));
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "pmo", version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
        // pmo counts columns in UTF-16 code units, as SARIF does by default: said explicitly for readers.
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
};

// dist/output/formatters/stylish.js
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var safe = (text2) => text2.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
var stylish = (all, { files, paint: chalk, showWaived }) => {
  const findings = all.filter((f) => !f.waived);
  const waived = all.length - findings.length;
  const listed = showWaived ? all : findings;
  const waivedNote = waived ? ` (${waived} waived${showWaived ? "" : ": --show-waived lists them"})` : "";
  if (findings.length === 0 && listed.length === 0) {
    return `${chalk.green("\u2714")} no problems in ${plural2(files.length, "file")}${waivedNote}
`;
  }
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of listed)
    byFile.set(finding.file, [...byFile.get(finding.file) ?? [], finding]);
  const paint = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };
  const out = [];
  for (const [file, list] of byFile) {
    out.push(chalk.underline(safe(file)));
    const where2 = list.map((f) => `${f.line}:${f.column}`);
    const whereWidth = Math.max(...where2.map((w) => w.length));
    const messages = list.map((f) => safe(f.waived ? `${f.message} [waived until ${f.waived.expires}: ${f.waived.reason}]` : f.message));
    const messageWidth = Math.min(100, Math.max(...messages.map((m) => m.length)));
    list.forEach((f, i) => {
      const severity = f.waived ? chalk.dim("waived") : paint[f.severity](f.severity.padEnd(5));
      const message = f.waived ? chalk.dim(messages[i].padEnd(messageWidth)) : messages[i].padEnd(messageWidth);
      out.push(`  ${chalk.dim(where2[i].padEnd(whereWidth))}  ${f.waived ? severity : `${severity} `} ${message}  ${chalk.dim(f.rule)}`);
    });
    out.push("");
  }
  const count = (s) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warn"), count("info")];
  const parts = [plural2(errors, "error"), plural2(warnings, "warning"), ...infos ? [infos === 1 ? "1 info" : `${infos} infos`] : []];
  const mark = errors ? chalk.bold(chalk.red("\u2716")) : findings.length ? chalk.bold(chalk.yellow("\u26A0")) : chalk.green("\u2714");
  const fileCount = new Set(findings.map((f) => f.file)).size;
  out.push(`${mark} ${plural2(findings.length, "problem")} (${parts.join(", ")}) in ${plural2(fileCount, "file")}${waivedNote}`);
  return `${out.join("\n")}
`;
};

// dist/output/formatters/index.js
var FORMATTERS = { stylish, json, sarif, junit, github, gitlab, markdown };
var FORMAT_NAMES = Object.keys(FORMATTERS);
var DESCRIBES_RULES = /* @__PURE__ */ new Set(["sarif", "markdown", "github"]);

// dist/output/write-file.js
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
function writeFileIfChanged(path, text2) {
  if (readOrUndefined(path) === text2)
    return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, text2);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}
function readOrUndefined(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT")
      return void 0;
    throw error;
  }
}

// dist/cli/outputs.js
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
function collectFormat(value, previous) {
  const colon = value.indexOf(":");
  const format = colon < 0 ? value : value.slice(0, colon);
  const path = colon < 0 ? void 0 : value.slice(colon + 1);
  if (!FORMAT_NAMES.includes(format))
    throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(", ")} (optionally :<file>), got '${value}'`);
  if (path === "")
    throw new InvalidArgumentError(`'${value}' names no file after the colon`);
  return [...previous ?? [], { format, path }];
}
function resolveOutputs(requested, outputFile, cwd) {
  const list = requested?.length ? requested : [{ format: "stylish" }];
  const toStdout = list.filter((o) => o.path === void 0);
  if (toStdout.length > 1) {
    const [, second] = toStdout;
    throw new UsageError(`only one format can go to stdout, and ${toStdout.map((o) => o.format).join(" and ")} were given without a file; write the others to files, e.g. -f ${second.format}:pmo.${second.format}`);
  }
  if (outputFile !== void 0 && toStdout.length === 0)
    throw new UsageError("--output-file names where the format given without a file goes, and every format has its own file");
  const files = list.flatMap((o) => o.path ?? outputFile ?? []).map((p) => resolve(cwd, p));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice)
    throw new UsageError(`two formats would write ${twice}`);
  return list.map((o) => ({ format: o.format, file: o.path !== void 0 ? resolve(cwd, o.path) : outputFile !== void 0 ? resolve(cwd, outputFile) : void 0 }));
}
function appendJobSummary(markdown2, env = process.env) {
  const path = env.GITHUB_STEP_SUMMARY;
  if (path)
    appendFileSync(path, markdown2.endsWith("\n") ? markdown2 : `${markdown2}
`);
}

// dist/output/check-ids.js
var CHECK_IDS = [
  { ids: ["yaml/syntax"], means: "the file is not valid YAML; every syntax error in the file is reported", todo: "fix the YAML at the position shown" },
  { ids: ["yaml/duplicate-key"], means: "a key appears twice in the same map (the later one would silently win)", todo: "keep one of them" },
  { ids: ["yaml/merge-conflict"], means: "a git merge-conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`) is in the file", todo: "finish the merge: keep the lines you want, delete the markers" },
  { ids: ["yaml/tab-indent"], means: "a tab is used for indentation", todo: "indent with spaces" },
  { ids: ["yaml/multi-document"], means: "the file holds several YAML documents (`---`)", todo: "one document per file: split it" },
  { ids: ["yaml/empty"], means: "a project or request file has no content", todo: "fill it in or delete it" },
  { ids: ["yaml/encoding"], means: "the file is not valid UTF-8", todo: "save it as UTF-8" },
  { ids: ["yaml/alias-limit"], means: 'aliases expand to more than 100 nodes ("billion laughs")', todo: "write the values out" },
  { ids: ["schema/unknown-field"], means: "a field the format does not know, usually a typo; the message suggests the intended name", todo: "fix the name, or declare the field in pmo.yaml `schema:`" },
  { ids: ["schema/required"], means: "a required field is missing (including fields pmo.yaml's `schema:` requires)", todo: "add it" },
  { ids: ["schema/invalid-value"], means: "a value of the wrong type, out of range, or not one of the allowed values", todo: "use a value the message describes" },
  { ids: ["schema/invalid-date"], means: "a `YYYY-MM-DD` date that does not exist (`2026-02-30`)", todo: "fix the date" },
  { ids: ["schema/id-mismatch"], means: "a project's or request's `id` differs from its file name", todo: "rename the file or fix the id" },
  { ids: ["schema/duplicate-file"], means: "one project (or request) id in two files, `x.yaml` and `x.yml`; the `.yml` one is not read", todo: "keep one file" },
  { ids: ["schema/duplicate-id"], means: "two items of one list share an id (two risks `R1`)", todo: "give each item its own id" },
  { ids: ["ref/unknown-person"], means: "a person id (manager, sponsor, owner, team member, approver...) is not in people.yaml", todo: "add the person or fix the id" },
  { ids: ["ref/unknown-goal"], means: "a goal id is not in goals.yaml", todo: "add the goal or fix the id" },
  { ids: ["ref/unknown-milestone"], means: "a deliverable names a milestone the project does not have", todo: "fix the milestone id" },
  { ids: ["ref/unknown-project"], means: "a dependency names a project that has no file in projects/", todo: "fix the project id" },
  { ids: ["ref/unknown-phase"], means: "`phase` is not in pmo.yaml's lifecycle", todo: "use one of the lifecycle's phases" },
  { ids: ["ref/missing-record"], means: "a record path names no file (a missing one, or a folder); web addresses (`http(s)://`) are accepted as records kept elsewhere", todo: "add the record or fix the path" },
  { ids: ["ref/record-outside-repo"], means: "a record path is absolute or climbs out with `..`", todo: "use a path relative to the repository root" },
  { ids: ["dates/order"], means: "dates out of order (a project that ends before it starts, status updates not newest last)", todo: "fix the dates" },
  { ids: ["dates/future"], means: "an actual date (something that happened) is after today", todo: "use the forecast field for plans" },
  { ids: ["config/unknown-rule"], means: "pmo.yaml's `rules:` or `locked:` names a rule that does not exist (a typo switches nothing)", todo: "fix the id (the message suggests one)" },
  { ids: ["config/unknown-phase"], means: "pmo.yaml's `records:` or a custom rule's `phases:` names a phase not in the lifecycle", todo: "fix the phase" },
  { ids: ["config/lifecycle"], means: "the lifecycle lacks `planning`, `execution` or `closing`, which built-in rules are written against: those rules never run", todo: "name the phases after them, or turn those rules off (or this warning: `config/lifecycle: off`)" },
  { ids: ["gate/unknown-phase", "gate/unknown-criterion"], means: "a gate names a phase not in the lifecycle, or a criterion that is no rule", todo: "fix the name" },
  { ids: ["gate/criterion-off"], means: "a gate criterion is turned off in `rules:`, so it always passes", todo: "turn the rule back on, or drop it from the gate" },
  { ids: ["gate/<phase>"], means: "the project is in or past `<phase>` and fails one of its gate's criteria", todo: "fix what the criterion's own finding says" },
  { ids: ["waiver/expired"], means: "a waiver in waivers.yaml has passed its `expires` date; its findings are shown again", todo: "renew it (a new approval and date) or remove it" },
  { ids: ["waiver/locked"], means: "a waiver names a rule pmo.yaml lists under `locked`, or a `yaml/` or `schema/` id (errors in the data, not exceptions): it hides nothing", todo: "fix the findings; locked rules are the PMO's hard lines" },
  { ids: ["waiver/unused"], means: "a waiver matches no finding (fixed, or written for the wrong rule, project or item)", todo: "remove it, or correct it" },
  { ids: ["waiver/expiring"], means: "a waiver expires within `waiver_warning_days` (it still applies until the end of its `expires` day)", todo: "renew it or get the findings fixed" }
];

// dist/output/rule-info.js
var DOCS_URL = `${HOMEPAGE.replace(/#.*$/, "")}/blob/v${VERSION}/docs`;
async function ruleCatalog(result) {
  const { BUILTIN_RULES } = await import("../builtin-CGPCDKVI.js");
  const builtins = BUILTIN_RULES.map((rule) => ({ id: rule.id, description: rule.description, fix: howToFix(ruleDoc(rule.id)) }));
  return catalogOf(result.rulesets, builtins);
}
var undescribedRule = (id) => plainEntry(id);
function catalogOf(rulesets, builtins) {
  const known = /* @__PURE__ */ new Map();
  for (const row of CHECK_IDS) {
    for (const id of row.ids)
      known.set(id, { id, description: sentence(row.means), help: sentence(row.todo), helpUri: `${DOCS_URL}/checks.md` });
  }
  for (const rule of builtins) {
    known.set(rule.id, { id: rule.id, description: rule.description, help: rule.fix, helpUri: `${DOCS_URL}/rules.md#${rule.id}` });
  }
  for (const { file, data } of rulesets) {
    const rules = isRecord(data) && isRecord(data.rules) ? data.rules : {};
    for (const [id, spec] of Object.entries(rules)) {
      const description = isRecord(spec) && typeof spec.description === "string" ? spec.description : `The PMO's rule ${id}.`;
      known.set(id, { id, description, help: `A rule of the PMO's own, defined in ${file}: its message says what to put right.` });
    }
  }
  const gate = known.get("gate/<phase>");
  return (id) => {
    const entry = known.get(id);
    if (entry)
      return entry;
    if (id.startsWith("gate/"))
      return { ...gate, id, description: gate.description.replaceAll("<phase>", id.slice("gate/".length)) };
    return plainEntry(id);
  };
}
function plainEntry(id) {
  return {
    id,
    description: `A finding of pmo check (${id}).`,
    help: "The message says what is wrong and where; docs/checks.md and docs/rules.md list the rules.",
    helpUri: `${DOCS_URL}/checks.md`
  };
}
var sentence = (fragment) => `${fragment.charAt(0).toUpperCase()}${fragment.slice(1)}.`;
function howToFix(doc) {
  const section = /^## How to fix it\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(doc)?.[1] ?? "";
  return section.trim().replace(/([^\n])\n(?!\n)/g, "$1 ");
}

// dist/output/color.js
function wantsColor(stream, flag, env = process.env) {
  if (env.NO_COLOR)
    return false;
  if (env.FORCE_COLOR !== void 0)
    return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (flag !== void 0)
    return flag;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}
var same = (text2) => text2;
var PLAIN = { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };
async function palette(color) {
  if (!color)
    return PLAIN;
  const { Chalk } = await import("../source-M24EWE3U.js");
  const chalk = new Chalk({ level: 1 });
  return {
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    blue: (t) => chalk.blue(t),
    green: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    underline: (t) => chalk.underline(t)
  };
}

// dist/cli/options.js
function parseDate(value) {
  if (!DATE.test(value) || !isRealDate(value))
    throw new InvalidArgumentError(`expected a real date written YYYY-MM-DD, got '${value}'`);
  return value;
}
function parseCount(value) {
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError(`expected a whole number, 0 or more, got '${value}'`);
  return Number(value);
}
function oneOfChoices(choices) {
  return (value) => {
    if (!choices.includes(value))
      throw new InvalidArgumentError(`expected one of ${choices.join(", ")}, got '${value}'`);
    return value;
  };
}

// dist/cli/commands/check.js
function checkCommand() {
  return new Command("check").description("validate every file of the PMO repository against the format and the rules").argument("[paths...]", "report only on these files, directories or globs (the whole repo is still loaded)").option("-C, --cwd <dir>", "run as if started in <dir>").option("-f, --format <format[:file]>", `output format: ${FORMAT_NAMES.join(", ")} (default stylish); repeat it, writing others to files`, collectFormat).option("-o, --output-file <file>", "write the format given without a file here instead of stdout").addOption(new Option("--fail-on <severity>", "exit 1 when a finding is at least this severe").argParser(oneOfChoices(["error", "warn", "info"])).default("error")).option("-q, --quiet", "report errors only").option("--max-warnings <n>", "exit 1 when there are more than <n> warnings", parseCount).option("--staged", "check what the next commit holds (git's index): the staged files, and what they break elsewhere").option("--changed-since <ref>", "report only files changed since <ref> (its merge base with HEAD), e.g. origin/main in a pull request").option("--today <date>", "the date to check against, YYYY-MM-DD (default: today)", parseDate).option("--show-waived", "also list the findings that waivers hide (JSON always includes them)").option("--no-cache", "parse every file afresh and leave the cache alone").option("--no-rules", "check the files against the format only, without the governance rules").option("--color", "force colour in the stylish output").option("--no-color", "never colour the output").addHelpText("after", `
Examples:
  $ pmo check                                 check the repo you are in
  $ pmo check -C examples/acme                check another directory
  $ pmo check projects/apollo.yaml            report on one file (cross-file references still checked)
  $ pmo check --format json > findings.json   machine-readable findings
  $ pmo check --format sarif -o pmo.sarif     for GitHub code scanning (upload-sarif) and other SARIF viewers
  $ pmo check -f github -f sarif:pmo.sarif -f junit:pmo.xml
                                              annotations in the log, and report files for CI
  $ pmo check --fail-on warn --today 2026-11-20
  $ pmo check --staged                        the pre-commit check: what the next commit holds
  $ pmo check --changed-since origin/main     in a pull request: only the files it changes

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 pmo could not do its job.`).action(async (paths, flags) => {
    const outputs = resolveOutputs(flags.format, flags.outputFile, process.cwd());
    const result = await check({
      cwd: flags.cwd,
      paths,
      today: flags.today,
      cache: flags.cache,
      rules: flags.rules,
      staged: flags.staged,
      changedSince: flags.changedSince
    });
    const shown2 = flags.quiet ? result.findings.filter((f) => f.severity === "error") : result.findings;
    const describes = outputs.some((o) => DESCRIBES_RULES.has(o.format));
    const rule = describes ? await ruleCatalog(result) : undescribedRule;
    const context = async (colored) => ({ files: result.files, paint: await palette(colored), showWaived: Boolean(flags.showWaived), rule });
    for (const { format, file } of outputs)
      if (file)
        writeFileIfChanged(file, FORMATTERS[format](shown2, await context(false)));
    for (const { format, file } of outputs) {
      if (file)
        continue;
      const colored = format === "stylish" && wantsColor(process.stdout, flags.color);
      await writeStdout(FORMATTERS[format](shown2, await context(colored)));
    }
    if (outputs.some((o) => o.format === "github"))
      appendJobSummary(githubSummary(shown2, await context(false)));
    process.exitCode = exitCode(shown2.filter((f) => !f.waived), flags);
  });
}
function exitCode(findings, flags) {
  const threshold = SEVERITY_RANK[flags.failOn];
  if (findings.some((f) => SEVERITY_RANK[f.severity] >= threshold))
    return 1;
  const warnings = findings.filter((f) => f.severity === "warn").length;
  if (flags.maxWarnings !== void 0 && warnings > flags.maxWarnings)
    return 1;
  return 0;
}

// dist/cli/commands/gate.js
function gateCommand() {
  return new Command("gate").description("check a project against the stage gates of its next phase (or of --to's)").argument("<project>", "the project id (its file name in projects/)").option("--to <phase>", "the phase to check readiness for (default: the next one in the lifecycle)").option("-C, --cwd <dir>", "run as if started in <dir>").option("--today <date>", "the date to check against, YYYY-MM-DD (default: today)", parseDate).addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text")).option("--no-cache", "parse every file afresh and leave the cache alone").option("--color", "force colour").option("--no-color", "never colour the output").addHelpText("after", `
Every criterion of the gates up to the target phase (pmo.yaml gates:) is judged as if the project were
already in that phase. Waived findings do not fail a criterion.

Examples:
  $ pmo gate crm-migration                 ready for the next phase?
  $ pmo gate crm-migration --to closing    ready to start closing?
  $ pmo gate crm-migration -f json

Exit codes: 0 ready, 1 not ready, 2 pmo could not do its job (no such project or phase).`).action(async (project, flags) => {
    const { gateReadiness } = await import("../gate-DYQPQAVL.js");
    const readiness = await gateReadiness({ cwd: flags.cwd, project, to: flags.to, today: flags.today, cache: flags.cache });
    const chalk = await palette(flags.format === "text" && wantsColor(process.stdout, flags.color));
    await writeStdout(flags.format === "json" ? `${JSON.stringify(readiness, null, 2)}
` : checklist(readiness, chalk));
    process.exitCode = readiness.ready ? 0 : 1;
  });
}
function checklist(r, chalk) {
  const out = [`${chalk.bold(r.project)}: readiness for ${chalk.bold(r.target)} (now in ${r.phase})`, ""];
  if (r.blocked)
    return `${[...out, `  ${chalk.red("\u2716")} ${r.blocked}`, "", chalk.red("\u2716 not ready")].join("\n")}
`;
  if (r.criteria.length === 0)
    out.push(`  no gate up to ${r.target} has criteria (pmo.yaml gates:)`);
  let gate = "";
  for (const c of r.criteria) {
    if (c.gate !== gate)
      out.push(`  ${gate = c.gate} gate`);
    const waived = c.waived ? chalk.dim(` (${c.waived} waived)`) : "";
    out.push(`    ${c.passed ? chalk.green("\u2714") : chalk.red("\u2716")} ${c.criterion}${waived}`);
    for (const reason of c.reasons)
      out.push(`        ${chalk.dim(reason)}`);
  }
  const failing = r.criteria.filter((c) => !c.passed).length;
  out.push("", r.ready ? chalk.green(`\u2714 ready for ${r.target}`) : chalk.red(`\u2716 not ready: ${failing} of ${r.criteria.length} criteria fail`));
  return `${out.join("\n")}
`;
}

// dist/cli/commands/hooks.js
async function place(cwd) {
  const root = findRoot(cwd ?? process.cwd());
  const { GitRepo } = await import("../git-EIEJCBPJ.js");
  const repo = await GitRepo.open(root, "pmo hooks");
  return { root, ...await repo.hookPaths() };
}
function hooksCommand() {
  const hooks = new Command("hooks").description("install or remove the git pre-commit hook that runs `pmo check --staged`").addHelpText("after", `
Examples:
  $ pmo hooks install            check every commit before it is made
  $ pmo hooks install --chain    keep an existing pre-commit hook and run pmo after it
  $ pmo hooks uninstall          remove pmo's hook (an existing one it chained is put back)

Using the pre-commit framework instead? Add this repository as a hook source (see docs/ci.md).`);
  hooks.command("install").description("install the pre-commit hook (never overwrites a hook that is not pmo's)").option("-C, --cwd <dir>", "run as if started in <dir>").option("--chain", "keep an existing pre-commit hook: it runs first, then pmo").action(async (flags) => {
    const { installHook } = await import("../pre-commit-FD7QNLG6.js");
    const { outcome, path } = installHook(await place(flags.cwd), { chain: flags.chain });
    const said = { installed: "installed", updated: "updated", chained: "installed after the existing hook (moved to pre-commit.pre-pmo)" };
    await writeStdout(`pmo: pre-commit hook ${said[outcome]}: ${path}
Each commit now runs \`pmo check --staged\` (skip once with \`git commit --no-verify\`).
`);
  });
  hooks.command("uninstall").description("remove pmo's pre-commit hook").option("-C, --cwd <dir>", "run as if started in <dir>").action(async (flags) => {
    const { uninstallHook } = await import("../pre-commit-FD7QNLG6.js");
    const { removed, restored, path } = uninstallHook(await place(flags.cwd));
    const text2 = !removed ? `pmo: no pre-commit hook at ${path}; nothing to remove` : restored ? `pmo: hook removed; the earlier hook is back at ${restored}` : `pmo: hook removed: ${path}`;
    await writeStdout(`${text2}
`);
  });
  return hooks;
}

// dist/cli/commands/rules.js
var catalog = async () => {
  const [{ BUILTIN_RULES }, { ruleDoc: ruleDoc2 }] = await Promise.all([import("../builtin-CGPCDKVI.js"), import("../docs-TOT4ZJTH.js")]);
  return { BUILTIN_RULES, ruleDoc: ruleDoc2 };
};
function rulesCommand() {
  const rules = new Command("rules").description("list the rules (built-in and the PMO's own) with the severity this PMO gives them").option("-C, --cwd <dir>", "run as if started in <dir>").addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text")).addHelpText("after", `
Examples:
  $ pmo rules                          every rule, its severity here, category and description
  $ pmo rules explain budget-variance  what triggers a rule, why a PMO cares, how to fix it
  $ pmo rules test                     run the tests of the PMO's own rules (rules/*.yaml), for CI`).action(async (flags) => {
    const { BUILTIN_RULES } = await catalog();
    const { config, custom } = await loadCatalog(flags.cwd);
    const rows = [
      ...BUILTIN_RULES.map((rule) => ({
        id: rule.id,
        severity: config.rules[rule.id] ?? defaultSeverity(rule, config.pmoType),
        category: rule.category,
        kind: rule.governance ? "governance" : "advisory",
        source: "built-in",
        locked: config.locked.includes(rule.id),
        description: rule.description
      })),
      ...custom.map((rule) => ({
        id: rule.id,
        severity: config.rules[rule.id] ?? rule.spec.severity,
        category: rule.spec.category ?? "custom",
        kind: "custom",
        source: rule.file,
        locked: config.locked.includes(rule.id),
        description: rule.spec.description
      }))
    ].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
    if (flags.format === "json")
      return writeStdout(`${JSON.stringify(rows, null, 2)}
`);
    const width = Math.max(...rows.map((r) => r.id.length));
    const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.category.padEnd(14)}  ${r.description}${r.locked ? " [locked]" : ""}`);
    const summary = `${rows.length} rules (${custom.length} the PMO's own); severities for a ${config.pmoType} PMO with pmo.yaml's overrides (rules:).`;
    return writeStdout(`${lines.join("\n")}

${summary}
`);
  });
  rules.command("explain").description("print a rule's documentation").argument("<id>", "the rule id").action(async (id, _flags, command) => {
    const flags = command.optsWithGlobals();
    const { BUILTIN_RULES, ruleDoc: ruleDoc2 } = await catalog();
    if (BUILTIN_RULES.some((r) => r.id === id))
      return writeStdout(ruleDoc2(id));
    const { custom } = await loadCatalog(flags.cwd);
    const own = custom.find((r) => r.id === id);
    if (own) {
      const { spec } = own;
      const lines = [spec.description, "", `The PMO's own rule, in ${own.file}: ${spec.severity}, for each ${spec.each}.`, ""];
      if (spec.phases)
        lines.push(`Phases: ${spec.phases.join(", ")}`);
      if (spec.when)
        lines.push(`When:   ${spec.when}`);
      lines.push(`Assert: ${spec.assert}`, `Says:   ${spec.message}`);
      return writeStdout(`${lines.join("\n")}
`);
    }
    const known = [...BUILTIN_RULES.map((r) => r.id), ...custom.map((r) => r.id)];
    const hint = /^(yaml|schema|ref|dates|waiver|gate)\//.test(id) ? "; finding ids of the loader and schema are described in docs/checks.md" : didYouMean(id, known);
    throw new UsageError(`no rule '${id}'${hint}`);
  });
  rules.command("test").description("run the PMO's rules against the examples in their tests: (invalid must be flagged, valid must pass)").option("--today <date>", "the date the examples are judged on, YYYY-MM-DD (default: today)", parseDate).option("--color", "force colour").option("--no-color", "never colour the output").action(async (_flags, command) => {
    const flags = command.optsWithGlobals();
    const { config, custom, today, portfolio } = await loadCatalog(flags.cwd, flags.today);
    const { runRuleTests } = await import("../custom-Q3DMG4IO.js");
    const results = runRuleTests(custom, config, today, portfolio);
    const failed = results.filter((r) => !r.ok).length;
    process.exitCode = failed > 0 ? 1 : 0;
    if (flags.format === "json")
      return writeStdout(`${JSON.stringify(results, null, 2)}
`);
    const chalk = await palette(wantsColor(process.stdout, flags.color));
    const lines = [];
    let file = "";
    for (const r of results) {
      if (r.file !== file)
        lines.push(file = r.file);
      const mark = r.ok ? chalk.green("\u2714") : chalk.red("\u2716");
      lines.push(`  ${mark} ${r.rule}  ${r.expected} #${r.index + 1}${r.detail ? `: ${r.detail}` : ""}`);
    }
    if (results.length === 0)
      lines.push(custom.length ? "none of the PMO's rules has tests" : "the PMO has no rules of its own (rules/*.yaml)");
    lines.push("", `${results.length - failed} passed, ${failed} failed`);
    return writeStdout(`${lines.join("\n")}
`);
  });
  return rules;
}
async function loadCatalog(cwd = process.cwd(), today) {
  const { todayIso } = await import("../dates-MUUMSFQ3.js");
  const day = today ?? todayIso();
  try {
    findRoot(cwd);
  } catch {
    return { config: configFrom({}), custom: [], today: day };
  }
  const [{ check: check2 }, { compileRules }] = await Promise.all([import("../check-P2XNXTFI.js"), import("../custom-compile-Z2I7IBIT.js")]);
  const result = await check2({ cwd, paths: ["pmo.yaml"], today: day });
  const { BUILTIN_RULE_IDS } = await import("../ids-V7JU2VPV.js");
  const custom = compileRules(result.rulesets, day, new Set(BUILTIN_RULE_IDS));
  return { config: result.config, custom, today: day, portfolio: result.portfolio };
}

// dist/cli/commands/schema.js
import { mkdirSync as mkdirSync2 } from "node:fs";
import { isAbsolute, join, relative, resolve as resolve2, sep } from "node:path";

// dist/output/jsonc.js
function blankComments(text2) {
  let out = "";
  for (let i = 0; i < text2.length; ) {
    const char = text2[i];
    if (char === '"') {
      const end = stringEnd(text2, i);
      out += text2.slice(i, end);
      i = end;
    } else if (text2.startsWith("//", i)) {
      const end = text2.indexOf("\n", i);
      const stop = end === -1 ? text2.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (text2.startsWith("/*", i)) {
      const end = text2.indexOf("*/", i + 2);
      const stop = end === -1 ? text2.length : end + 2;
      out += text2.slice(i, stop).replace(/[^\r\n]/g, " ");
      i = stop;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}
var CLOSES = /\s*[}\]]/y;
function strictJson(text2) {
  const blanked = blankComments(text2);
  let out = "";
  for (let i = 0; i < blanked.length; ) {
    const char = blanked[i];
    if (char === '"') {
      const end = stringEnd(blanked, i);
      out += blanked.slice(i, end);
      i = end;
      continue;
    }
    CLOSES.lastIndex = i + 1;
    out += char === "," && CLOSES.test(blanked) ? " " : char;
    i += 1;
  }
  return out;
}
function stringEnd(text2, start) {
  let i = start + 1;
  while (i < text2.length && text2[i] !== '"')
    i += text2[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, text2.length);
}

// dist/output/vscode-settings.js
var SETTINGS_FILE = ".vscode/settings.json";
var KEY = "yaml.schemas";
function mergeYamlSchemas(text2, mapping) {
  if (text2 === void 0 || text2.trim() === "")
    return `${JSON.stringify({ [KEY]: mapping }, null, 4)}
`;
  const strict = strictJson(text2);
  let settings;
  try {
    settings = JSON.parse(strict);
  } catch (error) {
    throw refusal(`is not valid JSON (${withLine(error.message, text2)}; comments and trailing commas are fine)`, mapping);
  }
  if (!isPlainObject(settings))
    throw refusal("does not hold a JSON object", mapping);
  const existing = settings[KEY];
  if (existing !== void 0 && !isPlainObject(existing))
    throw refusal(`has a "${KEY}" that is not an object`, mapping);
  const merged = { ...existing, ...mapping };
  if (JSON.stringify(merged) === JSON.stringify(existing))
    return text2;
  const members = topLevelMembers(strict);
  const unit = indentUnit(text2, members[0]?.keyStart);
  const member = members.find((m) => m.key === KEY);
  if (member) {
    if (text2.slice(member.valueStart, member.valueEnd) !== strict.slice(member.valueStart, member.valueEnd)) {
      throw refusal(`has comments inside "${KEY}", which rewriting it would lose`, mapping);
    }
    const value = serialize(merged, unit, lineIndent(text2, member.keyStart));
    return text2.slice(0, member.valueStart) + value + text2.slice(member.valueEnd);
  }
  const close = strict.lastIndexOf("}");
  const last = lastNonSpace(strict, close);
  const added = `${unit}${JSON.stringify(KEY)}: ${serialize(merged, unit, unit)}`;
  if (strict[last] === "{")
    return `${text2.slice(0, last + 1)}
${added}
${text2.slice(close)}`;
  const trailingComma = blankComments(text2).slice(last + 1, close).includes(",");
  return `${text2.slice(0, last + 1)}${trailingComma ? "" : ","}${text2.slice(last + 1, close).trimEnd()}
${added}
${text2.slice(close)}`;
}
function topLevelMembers(strict) {
  const members = [];
  let depth = 0;
  let current;
  const finish = (end) => {
    if (current?.valueStart !== void 0)
      members.push({ ...current, valueEnd: lastNonSpace(strict, end) + 1 });
    current = void 0;
  };
  for (let i = 0; i < strict.length; i++) {
    const char = strict[i];
    if (char === '"') {
      const end = stringEnd(strict, i);
      if (depth === 1 && !current)
        current = { key: JSON.parse(strict.slice(i, end)), keyStart: i };
      i = end - 1;
    } else if (char === ":" && depth === 1 && current && current.valueStart === void 0) {
      current.valueStart = i + 1 + (/^\s*/.exec(strict.slice(i + 1))?.[0].length ?? 0);
    } else if (char === "{" || char === "[") {
      depth += 1;
    } else if (char === "}" || char === "]") {
      depth -= 1;
      if (depth === 0)
        finish(i);
    } else if (char === "," && depth === 1) {
      finish(i);
    }
  }
  return members;
}
function indentUnit(text2, firstKey) {
  const indent = firstKey === void 0 ? "" : lineIndent(text2, firstKey);
  return indent === "" ? "    " : indent;
}
function lineIndent(text2, offset) {
  const lineStart = text2.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text2.slice(lineStart, offset))[0];
}
function serialize(value, unit, indent) {
  return JSON.stringify(value, null, unit).replace(/\n/g, `
${indent}`);
}
function lastNonSpace(text2, before) {
  let i = before - 1;
  while (i >= 0 && /\s/.test(text2[i]))
    i -= 1;
  return i;
}
function withLine(message, text2) {
  return message.replace(/at position (\d+)/, (_, offset) => {
    const before = text2.slice(0, Number(offset)).split("\n");
    return `at line ${before.length}, column ${before.at(-1).length + 1}`;
  });
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function refusal(problem, mapping) {
  return new UsageError(`${SETTINGS_FILE} ${problem}, so pmo left it alone.
Add this to it by hand, or fix it and run pmo schema --vscode again:
${JSON.stringify({ [KEY]: mapping }, null, 4)}`);
}

// dist/cli/commands/schema.js
var DEFAULT_OUT = ".pmo/schema";
function schemaCommand() {
  return new Command("schema").description("write JSON Schemas of the PMO's files (with pmo.yaml's extensions) for editor validation, hover and completion").option("-C, --cwd <dir>", "run as if started in <dir>").option("-o, --out <dir>", `where to write the schemas (default: ${DEFAULT_OUT} in the repo root)`).addOption(new Option("--print <kind>", "print one schema to stdout instead of writing files").choices(SCHEMA_KINDS).conflicts(["out", "vscode"])).option("--vscode", `also add the schemas to ${SETTINGS_FILE} (yaml.schemas), keeping its other settings`).addHelpText("after", `
One schema per kind of file (${SCHEMA_KINDS.join(", ")}), JSON Schema draft-07. Files are rewritten only
when they change. Run it again after changing pmo.yaml: its schema extensions and lifecycle are in them.
The editor shows what one file says on its own; references to other files and the governance rules are
checked by pmo check only. See docs/editor.md.

Examples:
  $ pmo schema                         write .pmo/schema/*.schema.json and print the yaml.schemas setting
  $ pmo schema --vscode                ... and add it to ${SETTINGS_FILE}
  $ pmo schema --out schemas           write them where you like (e.g. to commit them)
  $ pmo schema --print project         the project schema on stdout

Exit codes: 0 done, 2 pmo could not do its job (no or broken pmo.yaml, a settings file it cannot merge into).`).action(async (flags) => {
    const cwd = resolve2(flags.cwd ?? ".");
    const root = findRoot(cwd);
    const [{ loadConfig }, { readSource }, { editorSchemas }, { ensureIgnored }] = await Promise.all([
      import("../check-P2XNXTFI.js"),
      import("../read-ZZ2BDN4G.js"),
      import("../json-schema-KOE5A7DY.js"),
      import("../cache-U25XWS3W.js")
    ]);
    const config = await loadConfig(readSource(root, CONFIG_FILE, "config"));
    const schemas = editorSchemas(config.data);
    if (flags.print)
      return writeStdout(json2(schemas.find((s) => s.kind === flags.print).schema));
    const outDir = flags.out ? resolve2(cwd, flags.out) : join(root, DEFAULT_OUT);
    const mapping = Object.fromEntries(schemas.map((s) => [settingsKey(root, join(outDir, s.fileName)), s.files]));
    const settingsPath = join(root, SETTINGS_FILE);
    const settings = flags.vscode ? mergeYamlSchemas(readOrUndefined(settingsPath), mapping) : void 0;
    mkdirSync2(outDir, { recursive: true });
    ensureIgnored(outDir);
    const written = schemas.map((s) => join(outDir, s.fileName)).filter((path, i) => writeFileIfChanged(path, json2(schemas[i].schema)));
    if (settings !== void 0 && writeFileIfChanged(settingsPath, settings))
      written.push(settingsPath);
    const lines = written.map(shown);
    if (!flags.out && !flags.vscode) {
      lines.push("", `The schemas for ${SETTINGS_FILE} (or run pmo schema --vscode):`, JSON.stringify({ "yaml.schemas": mapping }, null, 4));
    }
    return writeStdout(lines.length > 0 ? `${lines.join("\n")}
` : "");
  });
}
var json2 = (schema) => `${JSON.stringify(schema, null, 2)}
`;
function settingsKey(root, path) {
  const inRepo = relative(root, path);
  return inRepo.startsWith("..") || isAbsolute(inRepo) ? path : inRepo.split(sep).join("/");
}
function shown(path) {
  const here = relative(process.cwd(), path);
  return here.startsWith("..") || isAbsolute(here) ? path : here;
}

// dist/cli/main.js
function program2() {
  return throwInsteadOfExit(new Command("pmo").description("Governance as code for project portfolios: check, report and audit a PMO repository.").version(VERSION, "-V, --version").option("--verbose", "show stack traces for internal errors").showSuggestionAfterError().addCommand(checkCommand()).addCommand(gateCommand()).addCommand(rulesCommand()).addCommand(hooksCommand()).addCommand(schemaCommand()).addHelpText("after", `
Examples:
  $ pmo check                          validate the PMO repo you are in
  $ pmo check -C examples/acme         validate the bundled example portfolio
  $ pmo check --format json            findings as JSON for tools
  $ pmo gate crm-migration             is a project ready for its next phase?
  $ pmo rules                          the governance rules and their severities here
  $ pmo hooks install                  run \`pmo check --staged\` before every commit
  $ pmo schema --vscode                JSON Schemas for the editor: errors underlined as you type

Docs: docs/format.md (the files), docs/architecture.md (how pmo works).`));
}
function throwInsteadOfExit(command) {
  command.exitOverride().configureOutput({ writeOut: (text2) => void writeStdout(text2), outputError: (text2, write) => write(text2) });
  for (const sub of command.commands)
    throwInsteadOfExit(sub);
  return command;
}
var FS_CODES = {
  ENOENT: "no such file or directory (was it removed while pmo ran?)",
  EISDIR: "it is a directory, where pmo expects a file",
  ENOTDIR: "a part of the path is a file, where pmo expects a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted"
};
async function main(argv) {
  const verbose = argv.includes("--verbose");
  process.exitCode = 0;
  try {
    await program2().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PmoError) {
      writeStderr(`pmo: ${error.message}`);
      if (verbose && error.stack)
        writeStderr(error.stack);
      return error.exitCode;
    }
    const fsError = error;
    if (fsError?.syscall && fsError.path && FS_CODES[fsError.code ?? ""]) {
      writeStderr(`pmo: cannot ${fsError.syscall} ${fsError.path}: ${FS_CODES[fsError.code]}`);
      if (verbose && fsError.stack)
        writeStderr(fsError.stack);
      return 2;
    }
    writeStderr(`pmo: internal error: ${error?.message ?? String(error)}`);
    writeStderr(verbose ? String(error?.stack ?? "") : "Run again with --verbose for the stack trace, and please report it.");
    return 2;
  }
}
export {
  main,
  program2 as program
};
