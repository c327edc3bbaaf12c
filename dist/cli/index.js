#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 559:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 22:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const line_1 = __nccwpck_require__(5);
const util_1 = __nccwpck_require__(459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const ast = __nccwpck_require__(390);
const imageTemplate_1 = __nccwpck_require__(520);
const from_1 = __nccwpck_require__(377);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 77:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flagOption_1 = __nccwpck_require__(700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const onbuild_1 = __nccwpck_require__(554);
const util_1 = __nccwpck_require__(459);
const workdir_1 = __nccwpck_require__(529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
const line_1 = __nccwpck_require__(5);
const argument_1 = __nccwpck_require__(559);
const heredoc_1 = __nccwpck_require__(599);
const variable_1 = __nccwpck_require__(743);
const main_1 = __nccwpck_require__(390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(602);
const propertyInstruction_1 = __nccwpck_require__(984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const modifiableInstruction_1 = __nccwpck_require__(393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
const util_1 = __nccwpck_require__(459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const parser_1 = __nccwpck_require__(988);
const instruction_1 = __nccwpck_require__(279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(559);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const argument_1 = __nccwpck_require__(559);
const jsonArgument_1 = __nccwpck_require__(702);
const modifiableInstruction_1 = __nccwpck_require__(393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(559);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(22);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(988);
var flag_1 = __nccwpck_require__(77);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(5);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flag_1 = __nccwpck_require__(77);
const instruction_1 = __nccwpck_require__(279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(383);
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const comment_1 = __nccwpck_require__(22);
const parserDirective_1 = __nccwpck_require__(499);
const instruction_1 = __nccwpck_require__(279);
const add_1 = __nccwpck_require__(618);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const label_1 = __nccwpck_require__(871);
const onbuild_1 = __nccwpck_require__(554);
const run_1 = __nccwpck_require__(224);
const shell_1 = __nccwpck_require__(523);
const stopsignal_1 = __nccwpck_require__(301);
const workdir_1 = __nccwpck_require__(529);
const user_1 = __nccwpck_require__(998);
const volume_1 = __nccwpck_require__(347);
const dockerfile_1 = __nccwpck_require__(933);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(390);
const line_1 = __nccwpck_require__(5);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const instruction_1 = __nccwpck_require__(279);
const property_1 = __nccwpck_require__(602);
const argument_1 = __nccwpck_require__(559);
const util_1 = __nccwpck_require__(459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 318:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(351);

process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ cli_main)
});

// UNUSED EXPORTS: USAGE, inFlags, parseCli

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:process"
const external_node_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");
;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a unit test.
const version_TOOL_NAME = 'tf-multiarch-check';
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/docker/cache.ts

/**
 * type=registry,ref=x,mode=max -> its type and fields (keys in lower case, as buildx reads
 * them); a bare reference is a registry; null for what is not key=value pairs.
 */
function parse(spec) {
    if (!spec.includes('='))
        return { type: 'registry', fields: [['ref', spec]] };
    const fields = [];
    for (const f of spec.split(',')) {
        const at = f.indexOf('=');
        if (at <= 0)
            return null;
        fields.push([f.slice(0, at).toLowerCase(), f.slice(at + 1)]);
    }
    const type = fields.find(([k]) => k === 'type')?.[1];
    return type ? { type, fields: fields.filter(([k]) => k !== 'type') } : null;
}
/** A field's value; an empty one counts as not given. */
function cache_valueOf(s, key) {
    return s.fields.find(([k]) => k === key)?.[1] || undefined;
}
function format(s) {
    return [`type=${s.type}`, ...s.fields.map(([k, v]) => `${k}=${v}`)].join(',');
}
/** The field set to a value: where it was, else last. */
function withField(s, key, value) {
    if (!s.fields.some(([k]) => k === key))
        return { ...s, fields: [...s.fields, [key, value]] };
    return { ...s, fields: s.fields.map(([k, v]) => [k, k === key ? value : v]) };
}
/** `ghcr.io/o/r:cache` -> `ghcr.io/o/r:cache-linux-arm64`; without a tag, the tool's name is one. */
function taggedRef(ref, suffix) {
    if (ref.includes('@'))
        return ref; // a digest names one manifest: nothing to scope
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (colon > slash)
        return `${ref}-${suffix}`;
    return `${ref}:${version_TOOL_NAME}-${suffix}`;
}
/** The spec under the platform's own name; null for a type that has none (inline, s3 ...). */
function scoped(spec, platform) {
    const suffix = platform.replace(/\//g, '-');
    const s = parse(spec);
    if (!s)
        return null;
    const value = (key) => cache_valueOf(s, key);
    if (s.type === 'gha')
        return format(withField(s, 'scope', `${value('scope') ?? version_TOOL_NAME}-${suffix}`));
    if (s.type === 'local')
        return format(withField(s, 'tag', `${value('tag') ?? version_TOOL_NAME}-${suffix}`));
    if (s.type === 'registry') {
        const ref = value('ref');
        return ref ? format(withField(s, 'ref', taggedRef(ref, suffix))) : null;
    }
    return null;
}
/** A cache-to entry for one platform's build: under the platform's own name where it has one. */
function cacheTarget(spec, platform) {
    return scoped(spec, platform) ?? spec;
}
/** A cache-from entry for one platform's build: the platform's own cache first, then as given. */
function cacheSources(spec, platform) {
    const own = scoped(spec, platform);
    return own && own !== spec ? [own, spec] : [spec];
}
/** A local cache source's directory and the tag it is read under; null for others, or a digest. */
function localImport(spec) {
    const s = parse(spec);
    const src = s && cache_valueOf(s, 'src');
    if (!s || s.type !== 'local' || !src || cache_valueOf(s, 'digest'))
        return null;
    return { src, tag: cache_valueOf(s, 'tag') ?? 'latest' };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/smoke/events.ts
const isString = (v) => typeof v === 'string';
const isNumber = (v) => typeof v === 'number';
const isBoolean = (v) => typeof v === 'boolean';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const orNull = (is) => (v) => v === null || is(v);
const listOf = (is) => (v) => Array.isArray(v) && v.every(is);
const isElf = (v) => isObject(v) && isNumber(v.machine) && isNumber(v.bits) && isBoolean(v.littleEndian);
const isForeign = (v) => isObject(v) && isString(v.file) && isElf(v);
const isVariables = (v) => isObject(v) && Object.values(v).every(isString);
const isBuild = (v) => isObject(v) &&
    (v.cuda === undefined || isBoolean(v.cuda)) &&
    [v.cudaVersion, v.cudnnVersion].every((x) => x === undefined || orNull(isString)(x)) &&
    (v.computeCapabilities === undefined || orNull(listOf(isString))(v.computeCapabilities)) &&
    (v.error === undefined || isString(v.error));
const isLibrary = (v) => isObject(v) &&
    isString(v.name) &&
    [v.soname, v.path, v.version, v.error].every((x) => orNull(isString)(x));
const isDevice = (v) => isObject(v) &&
    isString(v.name) &&
    orNull(isString)(v.model) &&
    orNull(isString)(v.computeCapability);
const FIELDS = {
    start: {
        machine: isString,
        python: isString,
        executable: orNull(isString),
        elf: orNull(isElf),
        env: isVariables,
    },
    import: {
        ok: isBoolean,
        seconds: isNumber,
        tensorflow: orNull(isString),
        numpy: orNull(isString),
        keras: orNull(isString),
    },
    probe: {
        tensorflowDirs: listOf(isString),
        venvs: listOf(isString),
        sysPath: listOf(isString),
        prefix: isString,
        path: orNull(isString),
        glibc: orNull(isString),
        foreignBinaries: listOf(isForeign),
        binariesChecked: isNumber,
        foreignCount: isNumber,
    },
    train: {
        ok: isBoolean,
        seconds: isNumber,
        steps: isNumber,
        loss: listOf(isNumber),
        examplesPerSecond: isNumber,
        keras: orNull(isString),
        device: orNull(isString),
    },
    ready: {
        build: isBuild,
        config: orNull(isVariables),
        configFile: orNull(isString),
        libraries: listOf(isLibrary),
        nvidiaPackages: listOf(isString),
        cudaHome: isBoolean,
        env: isVariables,
    },
    gpu: {
        devices: orNull(listOf(isDevice)),
        build: isBuild,
        computedOn: orNull(isString),
        error: isString,
    },
};
/**
 * The event a parsed marker line holds, or null when it is none of the script's: not an object,
 * a stage the script does not send, or a field of another type than its stage's.
 */
function smokeEvent(value) {
    if (!isObject(value) || !isString(value.stage) || !Object.hasOwn(FIELDS, value.stage))
        return null;
    const fields = FIELDS[value.stage];
    const typed = Object.entries(fields).every(([k, is]) => value[k] === undefined || is(value[k]));
    return typed ? value : null;
}

;// CONCATENATED MODULE: ./src/smoke/script.ts


// The program the check runs inside each built image is smoke.py, fed to the image's own Python
// on stdin; this module is how the check reaches it and reads what it prints.
/** Every line of the script's results starts with it; smoke.py has the same (a test holds it). */
const MARKER = '__tf_multiarch_check__ ';
/** Exit codes the script uses, apart from Python's own (1) and signals (128 + N). */
const EXIT_IMPORT_FAILED = 3;
const EXIT_TRAIN_FAILED = 4;
/**
 * smoke.py's text. This form of the path is one ncc sees: it copies the file beside each bundle
 * (dist/cli/smoke.py, dist/action/smoke.py) and rewrites the URL to that copy; from src/ it is
 * the file itself.
 */
const SMOKE_SCRIPT = (0,external_node_fs_namespaceObject.readFileSync)(__nccwpck_require__.ab + "smoke.py", 'utf8');
/**
 * The shell line that finds the interpreter the way the image's user would get it: `python`,
 * else `python3`, on the image's own PATH; it then reads the script from stdin.
 */
const FIND_PYTHON = 'for p in python python3; do if command -v "$p" >/dev/null 2>&1; then exec "$p" - "$@"; fi; done; ' +
    'echo "tf-multiarch-check: neither python nor python3 is on the image PATH ($PATH)" >&2; exit 127';
/** FIND_PYTHON as one shell line with its arguments written in (for an ENTRYPOINT that takes one string). */
function findPythonLine(args, python) {
    const words = ['-', ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    if (python)
        return `exec '${python.replace(/'/g, "'\\''")}' ${words}`;
    return FIND_PYTHON.replace('exec "$p" - "$@"', () => `exec "$p" ${words}`);
}
/** The event a line of the container's stdout carries, if it is one of ours. */
function parseSmokeLine(line) {
    const at = line.indexOf(MARKER);
    if (at === -1)
        return null;
    try {
        return smokeEvent(JSON.parse(line.slice(at + MARKER.length)));
    }
    catch {
        // A truncated or interleaved line: not ours to trust.
    }
    return null;
}

;// CONCATENATED MODULE: ./src/docker/args.ts



// Inputs -> docker command lines, as pure functions (the way Docker's own actions build their
// argument lists), so that table-driven tests cover them without running anything.
const RUN_LABEL = `org.${version_TOOL_NAME}.run`;
function buildCommand(spec) {
    const args = ['buildx', 'build'];
    if (spec.builder)
        args.push('--builder', spec.builder);
    args.push('--platform', spec.platform, '--file', spec.file, '--tag', spec.tag, '--load', '--progress', 'plain');
    // The label lets the post step find exactly this run's images, and nothing else.
    args.push('--label', `${RUN_LABEL}=${spec.runId}`);
    if (spec.target)
        args.push('--target', spec.target);
    for (const [key, value] of spec.buildArgs)
        args.push('--build-arg', `${key}=${value}`);
    // The sources as the engine chose them for the platform (engine/cache.ts), the targets named
    // for it.
    for (const c of spec.cacheFrom ?? [])
        args.push('--cache-from', c);
    for (const c of spec.cacheTo ?? [])
        args.push('--cache-to', cacheTarget(c, spec.platform));
    args.push(spec.context);
    return args;
}
/**
 * GPUs as Docker takes them: `--gpus` (its value is CSV, so a device list is quoted, as
 * `docker run --gpus '"device=0,1"'` is written), or one `--device` per CDI name.
 */
function gpuArgs(r) {
    if (!r)
        return [];
    if (r.kind === 'cdi')
        return r.devices.flatMap((d) => ['--device', d]);
    const pairs = r.value.split(/,(?=[a-z]+=)/).map((p) => (p.includes(',') ? `"${p}"` : p));
    return ['--gpus', pairs.join(',')];
}
const REPLACED = { keep: false, form: 'args' };
/**
 * The capabilities a kept ENTRYPOINT gets back: what a wrapper needs to fix ownership of a
 * volume and drop to its user (gosu, su-exec, setpriv), as it does under Docker's defaults.
 * The check's own program, run in its place, needs none.
 */
const ENTRYPOINT_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID'];
/**
 * `docker run` up to the image: named and labelled for cleanup, the platform pinned, never a
 * pull (the image is local by now: a pull could only fetch something else). Pull-request code
 * runs here: no network unless asked, no capabilities, no setuid gains, no fork bomb
 * (TensorFlow starts a few dozen threads, each counts, far under the limit).
 */
function confined(spec, interactive, keep = false) {
    const args = ['run', ...(interactive ? ['-i'] : []), '--name', spec.name];
    args.push('--platform', spec.platform, '--pull', 'never', '--label', `${RUN_LABEL}=${spec.runId}`);
    if (!spec.network)
        args.push('--network', 'none');
    if (spec.memory)
        args.push('--memory', spec.memory);
    args.push(...gpuArgs(spec.gpus));
    args.push('--security-opt', 'no-new-privileges', '--cap-drop', 'ALL', '--pids-limit', '4096');
    if (keep)
        for (const cap of ENTRYPOINT_CAPS)
            args.push('--cap-add', cap);
    return args;
}
/** A shell command as the image tail: after a kept ENTRYPOINT in its form, else `sh -c`. */
function shellTail(tag, command, through) {
    if (!through.keep || through.form === 'python')
        return ['--entrypoint', 'sh', tag, '-c', command];
    if (through.form === 'shell')
        return [tag, command];
    if (through.form === 'shell-c')
        return [tag, '-c', command];
    return [tag, 'sh', '-c', command];
}
/**
 * One container start that imports TensorFlow and trains. It keeps the image's ENV, PATH,
 * WORKDIR and USER; its ENTRYPOINT is kept when that is how users run commands in the image
 * (the command then runs through it), else replaced by the interpreter. The interpreter is
 * `python`, else `python3`, on the PATH the command sees, or the python input.
 */
function smokeCommand(spec, through = REPLACED) {
    const args = confined(spec, true, through.keep);
    const scriptArgs = [
        ...(spec.ready ? ['ready'] : []),
        ...(spec.gpus ? ['gpu'] : []),
        ...(spec.train ? ['train'] : []),
    ];
    if (through.keep && through.form === 'python')
        return [...args, spec.tag, '-', ...scriptArgs];
    if (through.keep && through.form === 'args')
        return spec.python
            ? [...args, spec.tag, spec.python, '-', ...scriptArgs]
            : [...args, spec.tag, 'sh', '-c', FIND_PYTHON, 'sh', ...scriptArgs];
    if (through.keep)
        return [...args, ...shellTail(spec.tag, findPythonLine(scriptArgs, spec.python), through)];
    if (spec.python)
        return [...args, '--entrypoint', spec.python, spec.tag, '-', ...scriptArgs];
    return [...args, '--entrypoint', 'sh', spec.tag, '-c', FIND_PYTHON, 'sh', ...scriptArgs];
}
/**
 * The image started as its users start it: its own ENTRYPOINT and CMD, nothing replaced. When
 * its time is up the client is stopped, not the container (no signal passed on), so that a
 * server still running can be seen running.
 */
function startCommand(spec) {
    return [...confined(spec, false, true), '--sig-proxy=false', spec.tag];
}
/**
 * The team's own command, a shell command line, in the image's WORKDIR, as its USER, with its
 * ENV: through the ENTRYPOINT when the import ran through it, else `sh -c`.
 */
function runCommand(spec, through = REPLACED) {
    return [...confined(spec, false, through.keep), ...shellTail(spec.tag, spec.command, through)];
}
/** One platform's image from its registry, by its manifest's digest: no tag is created or moved. */
function pullCommand(pinnedRef, platform) {
    return ['pull', '--platform', platform, pinnedRef];
}
function containerCommand(c) {
    if (c.kind === 'smoke')
        return smokeCommand(c.spec, c.through);
    if (c.kind === 'start')
        return startCommand(c.spec);
    return runCommand(c.spec, c.through);
}
/** The binfmt installer (tonistiigi/binfmt or a mirror of it): privileged, gone when done. */
function qemuCommand(image, arches) {
    return ['run', '--privileged', '--rm', image, '--install', arches.join(',')];
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/runid.ts


/**
 * An id unique to one run of the check: part of every image tag and container name it creates,
 * so two checks of the same repository on one machine never collide.
 */
function makeRunId(env = process.env) {
    const gh = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-` : '';
    return `${gh}${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
}
/** What every image tag of a run starts with; the platform follows. */
function imagePrefix(runId) {
    return `${version_TOOL_NAME}:${runId}-`;
}
/** What every container name of a run starts with; the platform follows. */
function containerPrefix(runId) {
    return `${version_TOOL_NAME}-${runId}-`;
}

;// CONCATENATED MODULE: ./src/cleanup.ts


/**
 * Removes the containers and images one run created, and nothing else: they must carry the
 * run's label and the run's own tag or name prefix.
 */
async function cleanupRun(docker, runId) {
    if (!/^[a-z0-9-]+$/.test(runId))
        return { images: [], containers: [] };
    const found = await docker.listByRunLabel(`${RUN_LABEL}=${runId}`);
    const images = found.images.filter((r) => r.startsWith(imagePrefix(runId)));
    const containers = found.containers.filter((n) => n.startsWith(containerPrefix(runId)));
    await docker.removeContainers(containers);
    await docker.removeImages(images);
    return { images, containers };
}

;// CONCATENATED MODULE: ./src/docker/containers.ts

function containerOperations(run) {
    return {
        build: (spec, opts) => run(buildCommand(spec), opts),
        pull: (ref, platform, opts) => run(pullCommand(ref, platform), opts),
        container: (c, opts) => run(containerCommand(c), opts),
        registerQemu: (image, arches, opts) => run(qemuCommand(image, arches), opts),
        async containerState(name) {
            const res = await run(['container', 'inspect', '--format', '{{json .State}}', name], {
                timeoutMs: 60_000,
            });
            if (res.exitCode !== 0)
                return null;
            try {
                const s = JSON.parse(res.stdout);
                return {
                    running: Boolean(s.Running),
                    paused: Boolean(s.Paused),
                    startedAt: s.StartedAt ?? '',
                    exitCode: s.ExitCode ?? null,
                    oomKilled: Boolean(s.OOMKilled),
                    error: s.Error ?? '',
                };
            }
            catch {
                return null;
            }
        },
        async kill(name) {
            await run(['container', 'kill', name], { timeoutMs: 60_000 });
        },
        async removeContainers(names) {
            if (names.length > 0)
                await run(['container', 'rm', '-f', ...names], { timeoutMs: 120_000 });
        },
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/docker/exec.ts


const STDOUT_CAP = 4 * 1024 * 1024;
function exec_run(command, args, opts = {}) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            stdio: ['pipe', 'pipe', 'pipe'],
            env: opts.env ?? process.env,
            // Its own process group, so that stopping it stops the CLI plugin it runs too: a killed
            // `docker` leaves `docker-buildx` running otherwise, still holding its build.
            detached: GROUPS,
        });
        LIVE.add(child);
        const output = collectOutput(child, opts);
        const ending = stopWhenDue(child, opts);
        let spawnError;
        child.on('error', (e) => {
            spawnError = e;
        });
        child.stdin.on('error', () => {
            // The process may exit before reading its input (a missing interpreter); that is its
            // result to report, not ours to crash on.
        });
        child.stdin.end(opts.input ?? '');
        child.on('close', (code, signal) => {
            LIVE.delete(child);
            output.end();
            ending.clear();
            // A stopped command's group goes with it: whatever it started and left behind.
            if (ending.timedOut || ending.aborted)
                signalGroup(child, 'SIGKILL');
            resolve({
                command: [command, ...args].join(' '),
                exitCode: code,
                signal,
                timedOut: ending.timedOut,
                aborted: ending.aborted,
                durationMs: Date.now() - started,
                tail: output.tail,
                stdout: output.stdout,
                spawnError,
            });
        });
    });
}
/** Delivers each line to onLine and the tail, keeps stdout up to its cap, and watches for idleness. */
function collectOutput(child, opts) {
    const keep = opts.keepLines ?? 400;
    const idle = idleTimer(opts.idle);
    idle.arm();
    const output = { tail: [], stdout: '', end: () => { } };
    const push = (stream) => (line) => {
        idle.arm();
        output.tail.push(line);
        if (output.tail.length > keep)
            output.tail.shift();
        opts.onLine?.(line, stream);
    };
    const out = lineSplitter((text) => {
        if (output.stdout.length < STDOUT_CAP)
            output.stdout += text;
    }, push('stdout'));
    const err = lineSplitter(() => { }, push('stderr'));
    child.stdout.on('data', out.data);
    child.stderr.on('data', err.data);
    output.end = () => {
        // The last lines re-arm the idle timer: it is stopped after them.
        out.end();
        err.end();
        idle.clear();
    };
    return output;
}
/** Calls onIdle when no line has come for its ms; each line starts the wait again. */
function idleTimer(idle) {
    let timer;
    return {
        arm() {
            if (!idle)
                return;
            clearTimeout(timer);
            timer = setTimeout(idle.onIdle, idle.ms);
        },
        clear() {
            clearTimeout(timer);
        },
    };
}
/** A stream's bytes as text (to onText) and as complete lines (to onLine). */
function lineSplitter(onText, onLine) {
    let partial = '';
    // One decoder per stream: a character split across two chunks is held until its last byte.
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    const take = (decoded) => {
        onText(decoded);
        const lines = (partial + decoded).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const line of lines)
            onLine(line);
    };
    return {
        data(chunk) {
            take(decoder.write(chunk));
        },
        end() {
            take(decoder.end());
            if (partial !== '')
                onLine(partial);
            partial = '';
        },
    };
}
/** Process groups where there are any (not on Windows). */
const GROUPS = process.platform !== 'win32';
/** The commands running now. */
const LIVE = new Set();
/**
 * Kills every command still running, with all it started: for a process about to exit at once
 * (a second Ctrl-C), whose commands would otherwise outlive it in their own process groups.
 */
function killAll() {
    for (const child of LIVE)
        signalGroup(child, 'SIGKILL');
}
/** A signal to the process and, where it leads a group, to everything in its group. */
function signalGroup(child, signal) {
    try {
        if (GROUPS && child.pid !== undefined)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // Already gone.
    }
}
/** Stops the process and its group (SIGTERM, then SIGKILL after 5 s) at its deadline or when aborted. */
function stopWhenDue(child, opts) {
    const ending = { timedOut: false, aborted: false, clear: () => { } };
    let killTimer;
    const stop = () => {
        signalGroup(child, 'SIGTERM');
        killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
        killTimer.unref();
    };
    const timer = opts.timeoutMs !== undefined
        ? setTimeout(() => {
            ending.timedOut = true;
            stop();
        }, Math.max(0, opts.timeoutMs))
        : undefined;
    const onAbort = () => {
        ending.aborted = true;
        stop();
    };
    if (opts.signal?.aborted)
        onAbort();
    else
        opts.signal?.addEventListener('abort', onAbort, { once: true });
    ending.clear = () => {
        if (timer)
            clearTimeout(timer);
        if (killTimer)
            clearTimeout(killTimer);
        opts.signal?.removeEventListener('abort', onAbort);
    };
    return ending;
}
/** The useful end of a failed command's output, for an error message. */
function describeFailure(result, lines = 15) {
    if (result.spawnError)
        return `${result.command}: ${result.spawnError.message}`;
    const how = result.timedOut
        ? 'timed out'
        : result.signal
            ? `was killed by ${result.signal}`
            : `exited with ${result.exitCode}`;
    const tail = result.tail.slice(-lines).join('\n').trim();
    return `${result.command} ${how}${tail ? `:\n${tail}` : ''}`;
}

;// CONCATENATED MODULE: ./src/arches.ts
// Every architecture the tool knows, one row each, and the lookups that follow from the rows.
// Adding an architecture is adding its row: parsing, emulation, the architecture proof, the
// host's CPU and the lint rules all read it from here.
// The order is the one an unknown architecture's message lists. TensorFlow publishes wheels only
// for amd64 and arm64; the rest are valid platforms that the check reports as unsupported rather
// than rejecting as typos.
const TABLE = [
    {
        arch: '386',
        variants: [],
        qemu: 'i386',
        machines: ['i386', 'i486', 'i586', 'i686', 'x86_64'],
        elf: { machine: 3, bits: 32, littleEndian: true },
        node: 'ia32',
        manylinux: 'i686',
        tags: [],
        markers: [],
        // x86-64 CPUs run 32-bit x86 code natively.
        nativeOn: ['amd64'],
    },
    {
        arch: 'amd64',
        variants: ['v1', 'v2', 'v3', 'v4'],
        omitted: 'v1',
        qemu: 'x86_64',
        machines: ['x86_64'],
        elf: { machine: 62, bits: 64, littleEndian: true },
        node: 'x64',
        manylinux: 'x86_64',
        tags: ['amd64', 'x86_64', 'x86-64'],
        // Windows' and the BSDs' spellings.
        markers: ['AMD64', 'amd64'],
        nativeOn: [],
    },
    {
        arch: 'arm64',
        variants: ['v8'],
        omitted: 'v8',
        qemu: 'aarch64',
        machines: ['aarch64'],
        elf: { machine: 183, bits: 64, littleEndian: true },
        node: 'arm64',
        manylinux: 'aarch64',
        tags: ['arm64v8', 'arm64', 'aarch64'],
        // macOS's spelling.
        markers: ['arm64'],
        nativeOn: [],
    },
    {
        arch: 'arm',
        variants: ['v5', 'v6', 'v7'],
        assumed: 'v7',
        qemu: 'arm',
        machines: ['armv5l', 'armv5tel', 'armv5tejl', 'armv6l', 'armv7l', 'armv8l', 'aarch64'],
        elf: { machine: 40, bits: 32, littleEndian: true },
        node: 'arm',
        manylinux: 'armv7l',
        tags: ['armv7', 'armhf', 'arm32v7'],
        markers: [],
        // Not every arm64 CPU runs 32-bit code, so linux/arm on arm64 counts as emulated.
        nativeOn: [],
    },
    {
        arch: 'ppc64le',
        variants: [],
        qemu: 'ppc64le',
        machines: ['ppc64le'],
        elf: { machine: 21, bits: 64, littleEndian: true },
        node: 'ppc64',
        manylinux: 'ppc64le',
        tags: ['ppc64le'],
        markers: [],
        nativeOn: [],
    },
    {
        arch: 's390x',
        variants: [],
        qemu: 's390x',
        machines: ['s390x'],
        elf: { machine: 22, bits: 64, littleEndian: false },
        node: 's390x',
        manylinux: 's390x',
        tags: ['s390x'],
        markers: [],
        nativeOn: [],
    },
    {
        arch: 'riscv64',
        variants: [],
        qemu: 'riscv64',
        machines: ['riscv64'],
        elf: { machine: 243, bits: 64, littleEndian: true },
        node: 'riscv64',
        manylinux: 'riscv64',
        tags: [],
        markers: [],
        nativeOn: [],
    },
    {
        arch: 'mips64le',
        variants: [],
        qemu: 'mips64el',
        machines: ['mips64'],
        elf: { machine: 8, bits: 64, littleEndian: true },
        node: null,
        manylinux: null,
        tags: [],
        markers: [],
        nativeOn: [],
    },
    {
        arch: 'loong64',
        variants: [],
        qemu: 'loongarch64',
        machines: ['loongarch64'],
        elf: { machine: 258, bits: 64, littleEndian: true },
        node: 'loong64',
        manylinux: 'loongarch64',
        tags: [],
        markers: [],
        nativeOn: [],
    },
];
/** The rows, typed for lookups by any string. */
const arches_ARCHES = TABLE;
/** Whether Docker's name is one of the architectures the tool knows. */
function isArch(name) {
    return arches_ARCHES.some((row) => row.arch === name);
}
/** The row of an architecture. */
function archRow(arch) {
    return arches_ARCHES.find((row) => row.arch === arch);
}
/**
 * The architecture whose own machine name this is (`docker info`'s Architecture is the engine's
 * `uname -m`): the one that lists it first (x86_64 is amd64, not 386; aarch64 is arm64, not
 * arm), else one that lists it at all (armv7l, i686). Docker's own names pass.
 */
function archOfMachine(machine) {
    if (isArch(machine))
        return machine;
    const row = arches_ARCHES.find((r) => r.machines[0] === machine) ??
        arches_ARCHES.find((r) => r.machines.includes(machine));
    return row?.arch ?? null;
}
/** The Docker architecture of the machine this process runs on (Node's process.arch). */
function hostArch(nodeArch = process.arch) {
    return arches_ARCHES.find((row) => row.node === nodeArch)?.arch ?? nodeArch;
}
/** The Docker architecture an ELF binary is for, or null for one the tool does not know. */
function elfArch(h) {
    const row = arches_ARCHES.find(({ elf }) => elf.machine === h.machine && elf.bits === h.bits && elf.littleEndian === h.littleEndian);
    return row?.arch ?? null;
}
/** Every name image tags give an architecture, for telling a per-architecture tag. */
function archTagNames() {
    return arches_ARCHES.flatMap((row) => row.tags);
}
/** What platform_machine may be in a requirement's marker on this architecture. */
function markerMachines(arch) {
    const row = archRow(arch);
    return [...row.machines, ...row.markers];
}

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * A problem with what the user asked for (an input, a flag, a path): the message names the
 * option, its value and the fix. `option` is the action's input name; each front end shows it
 * as its own (the CLI as its flag). The CLI exits 2 for it; no Docker work starts and nothing is
 * posted.
 */
class InputError extends Error {
    option;
    detail;
    name = 'InputError';
    constructor(
    /** The action input the problem is with; null when it is with no one option. */
    option, 
    /** What is wrong and the fix, without the option's name. */
    detail) {
        super(option ? `${option}: ${detail}` : detail);
        this.option = option;
        this.detail = detail;
    }
}
/**
 * The machine cannot run the check at all (no Docker engine, no buildx). The CLI exits 2.
 */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/** The message of anything thrown, Error or not. */
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    if (typeof err === 'string')
        return err;
    try {
        return JSON.stringify(err);
    }
    catch {
        return String(err);
    }
}

;// CONCATENATED MODULE: ./src/platforms.ts


const EXAMPLE_PLATFORMS = 'linux/amd64, linux/arm64';
/** The value for an architecture and a variant already normalised. */
function platformOf(arch, variant) {
    const id = ['linux', arch, variant].filter(Boolean).join('/');
    return Object.freeze(variant === undefined
        ? { os: 'linux', arch, id }
        : { os: 'linux', arch, variant, id });
}
/** Parses and normalises one platform; `linux/arm64/v8` becomes `linux/arm64` as Docker does. */
function parsePlatform(raw, inputName = 'platforms') {
    const value = raw.trim().toLowerCase();
    const parts = value.split('/');
    const bad = (why) => new InputError(inputName, `'${raw.trim()}' is not a platform: ${why}; expected os/arch[/variant], e.g. ${EXAMPLE_PLATFORMS}`);
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        throw bad('it must have two or three parts separated by /');
    }
    const [os, arch, variant] = parts;
    if (os !== 'linux') {
        throw bad(`only linux images can run TensorFlow in Docker, not '${os}'`);
    }
    if (!isArch(arch)) {
        throw bad(`unknown architecture '${arch}' (known: ${arches_ARCHES.map((r) => r.arch).join(', ')})`);
    }
    const row = archRow(arch);
    if (variant !== undefined && !row.variants.includes(variant)) {
        throw bad(`unknown variant '${variant}' for ${arch}`);
    }
    // Docker normalises arm64/v8 to arm64, amd64/v1 to amd64 and arm to arm/v7; so do we, so that
    // a platform is spelled one way in tags, statuses and results.
    const spelled = variant ?? row.assumed;
    return platformOf(arch, spelled === row.omitted ? undefined : spelled);
}
/**
 * Parses a comma- or newline-separated platform list, dropping duplicates (after normalisation)
 * and keeping the order given.
 */
function parsePlatformList(raw, inputName = 'platforms') {
    const items = raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (items.length === 0) {
        throw new InputError(inputName, `the list is empty; name at least one platform, e.g. ${EXAMPLE_PLATFORMS}`);
    }
    const seen = new Set();
    const out = [];
    for (const item of items) {
        const p = parsePlatform(item, inputName);
        if (!seen.has(p.id)) {
            seen.add(p.id);
            out.push(p);
        }
    }
    return out;
}
/** Whether the host's CPU runs the platform without an emulator. */
function isNative(p, host = hostArch()) {
    return p.arch === host || archRow(p.arch).nativeOn.includes(host);
}
/** The name QEMU and binfmt_misc use for the platform's architecture (qemu-<name>). */
function qemuName(p) {
    return archRow(p.arch).qemu;
}
/** A string safe in image tags and container names: linux/arm/v7 -> linux-arm-v7. */
function platformSlug(p) {
    return p.id.replace(/\//g, '-');
}
/** The uname machine names a process of this platform may report. */
function machinesOf(p) {
    return archRow(p.arch).machines;
}
/** Whether the interpreter's uname machine can belong to this platform. */
function machineMatches(p, machine) {
    return machine != null && machinesOf(p).includes(machine);
}
/** Every platform the tool accepts, each spelled as parsePlatform spells it. */
function acceptedPlatforms() {
    const names = ARCHES.flatMap(({ arch, variants }) => [
        `linux/${arch}`,
        ...variants.map((v) => `linux/${arch}/${v}`),
    ]);
    return parsePlatformList(names.join(','));
}
/**
 * The platform an image's configuration declares, in the tool's spelling (variant normalised as
 * parsePlatform does), or null when the configuration does not say.
 */
function declaredPlatform(os, architecture, variant) {
    if (!os || !architecture)
        return null;
    try {
        return parsePlatform([os, architecture, variant].filter(Boolean).join('/'), 'image').id;
    }
    catch {
        // An architecture the tool does not accept: spell it as the image does.
        return [os, architecture, variant].filter(Boolean).join('/');
    }
}

;// CONCATENATED MODULE: ./src/docker/reference.ts

// Image references and what a registry says about one: pure, so that tests cover them without a
// registry. The grammar is the one Docker's distribution/reference documents; no npm package
// parses it without a native dependency or a megabyte of transpiled Go, so it is written out
// here once, from the grammar.
// name      := [domain '/'] path-component ['/' path-component]*
// domain    := host [':' port]; host := domain-name | IPv4 | '[' IPv6 ']'
// path-comp := [a-z0-9]+ (separator [a-z0-9]+)*; separator := [_.] | '__' | '-'+
// tag       := [\w][\w.-]{0,127}
// digest    := algorithm ':' hex{32,}
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
/** An image ID, as `docker build` and build-push-action's imageid output give it. */
const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;
/** A reference Docker would accept, taken apart; null when it is not one. */
function parseReference(raw) {
    const ref = raw.trim();
    if (IMAGE_ID.test(ref))
        return { ref, name: null, tag: null, digest: null };
    const m = REFERENCE.exec(ref);
    // Docker refuses names longer than 255 characters.
    if (!m || m[1].length > 255)
        return null;
    return { ref, name: m[1], tag: m[2] ?? null, digest: m[3] ?? null };
}
/** The reference pinned to one manifest: what a platform's containers run. */
function pinned(ref, digest) {
    return `${ref.name}@${digest}`;
}
/**
 * `docker buildx imagetools inspect --format '{{json .}}'` -> the platforms the reference has,
 * each with its manifest's digest. An index lists them (attestations, platform unknown/unknown,
 * are not images); a single manifest is the platform its configuration declares. Null when the
 * output cannot be read.
 */
function parseRemoteImage(stdout) {
    let out;
    try {
        out = JSON.parse(stdout);
    }
    catch {
        return null;
    }
    const manifest = out.manifest;
    if (!manifest)
        return null;
    if (Array.isArray(manifest.manifests)) {
        return manifest.manifests.flatMap((m) => {
            const p = m.platform;
            const platform = declaredPlatform(p?.os, p?.architecture, p?.variant);
            if (!platform || p?.os === 'unknown' || !m.digest)
                return [];
            return [{ platform, digest: m.digest }];
        });
    }
    const platform = declaredPlatform(out.image?.os, out.image?.architecture, out.image?.variant);
    return platform && manifest.digest ? [{ platform, digest: manifest.digest }] : [];
}

;// CONCATENATED MODULE: ./src/docker/images.ts



function imageOperations(run) {
    return {
        async imageConfig(ref, platform) {
            // The whole object: the configuration, and the platform the image declares (Os,
            // Architecture, Variant), which decides whether the image is the platform asked for.
            const inspect = (extra) => run(['image', 'inspect', ...extra, '--format', '{{json .}}', ref], {
                timeoutMs: 60_000,
            });
            let res = await inspect(platform ? ['--platform', platform] : []);
            // A client older than Docker 28 has no --platform here: its one image must declare it.
            if (platform && res.exitCode !== 0 && res.tail.some((l) => /unknown flag/.test(l))) {
                res = await inspect([]);
                const image = res.exitCode === 0 ? parseImageInspect(res.stdout) : null;
                return image && declaredPlatform(image.os, image.architecture, image.variant) === platform
                    ? image
                    : null;
            }
            return res.exitCode === 0 ? parseImageInspect(res.stdout) : null;
        },
        async remoteImage(ref) {
            const res = await run(['buildx', 'imagetools', 'inspect', '--format', '{{json .}}', ref], {
                timeoutMs: 120_000,
            });
            if (res.exitCode !== 0) {
                // buildx's own words ("ERROR: ...: not found"), else how the command ended.
                const said = res.tail
                    .map((l) => l.trim())
                    .filter(Boolean)
                    .at(-1);
                return { error: said ? said.replace(/^ERROR:\s*/, '') : describeFailure(res, 1) };
            }
            const manifests = parseRemoteImage(res.stdout);
            return manifests
                ? { manifests }
                : { error: 'its registry answered with no readable manifest' };
        },
        async removeImages(refs) {
            if (refs.length > 0)
                await run(['image', 'rm', '-f', ...refs], { timeoutMs: 120_000 });
        },
        async listByRunLabel(label) {
            const images = await run(['image', 'ls', '--filter', `label=${label}`, '--format', '{{.Repository}}:{{.Tag}}'], { timeoutMs: 60_000 });
            const containers = await run(['container', 'ls', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}'], { timeoutMs: 60_000 });
            const lines = (r) => r.exitCode === 0
                ? r.stdout
                    .split('\n')
                    .map((s) => s.trim())
                    .filter((s) => s !== '' && !s.includes('<none>'))
                : [];
            return { images: lines(images), containers: lines(containers) };
        },
    };
}
/** `docker image inspect --format '{{json .}}'` -> what the check records; null if unreadable. */
function parseImageInspect(stdout) {
    try {
        const image = JSON.parse(stdout);
        const c = image.Config ?? {};
        const path = (c.Env ?? []).find((e) => e.startsWith('PATH='));
        return {
            os: image.Os || null,
            architecture: image.Architecture || null,
            variant: image.Variant || null,
            entrypoint: c.Entrypoint ?? null,
            cmd: c.Cmd ?? null,
            user: c.User ?? '',
            workingDir: c.WorkingDir ?? '',
            path: path ? path.slice(5) : null,
        };
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
/** `v0.25.2` -> 0.25.2; a build without a release version (`v0.0.0+unknown`, `v0.8+unknown`) says nothing. */
function buildkitVersion(text) {
    const v = /^v?(\d+\.\d+\.\d+)/.exec(text.trim())?.[1] ?? null;
    return v === '0.0.0' ? null : v;
}
/** One line's value, by its key (`Status:  running` -> running). */
function builder_valueOf(lines, ...keys) {
    for (const line of lines)
        for (const key of keys)
            if (line.startsWith(`${key}:`))
                return line.slice(key.length + 1).trim();
    return '';
}
/**
 * Parses `docker buildx inspect` (buildx 0.10 and later print the same key: value layout; the
 * BuildKit version is `BuildKit version:` since 0.11, `Buildkit:` before).
 */
function parseBuilderInspect(text) {
    const lines = text.split('\n');
    const nodesAt = lines.findIndex((l) => l.trim() === 'Nodes:');
    const head = nodesAt < 0 ? lines : lines.slice(0, nodesAt);
    const blocks = [];
    for (const line of nodesAt < 0 ? [] : lines.slice(nodesAt + 1)) {
        if (line.startsWith('Name:'))
            blocks.push([]);
        blocks[blocks.length - 1]?.push(line);
    }
    const platforms = new Set();
    for (const line of lines) {
        if (!line.startsWith('Platforms:'))
            continue;
        for (const p of line.slice('Platforms:'.length).split(',')) {
            const t = p.trim().replace(/\*$/, '');
            if (t)
                platforms.add(t);
        }
    }
    return {
        name: builder_valueOf(head, 'Name'),
        driver: builder_valueOf(head, 'Driver'),
        platforms: [...platforms],
        nodes: blocks.map((b) => ({
            name: builder_valueOf(b, 'Name'),
            status: builder_valueOf(b, 'Status'),
            buildkit: buildkitVersion(builder_valueOf(b, 'BuildKit version', 'Buildkit')),
            error: builder_valueOf(b, 'Error') || null,
        })),
    };
}
/** The builder's BuildKit version: its first node's that says one. */
function builderBuildkit(b) {
    return b.nodes.find((n) => n.buildkit)?.buildkit ?? null;
}
/** The container a docker-container builder's node runs BuildKit in; null for other drivers. */
function buildkitContainer(b) {
    const node = b.nodes[0];
    return b.driver === 'docker-container' && node ? `buildx_buildkit_${node.name}` : null;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/docker/versions.ts
// What the engine's tools say of themselves, read from their own output: the buildx and QEMU
// versions and the image store a verdict was reached with (the results carry them per platform).
/** `docker buildx version` -> 0.29.1 (official builds print v0.29.1 and a commit; Debian's 0.29.1+ds1). */
function parseBuildxVersion(text) {
    return /\bv?(\d+\.\d+\.\d+)[^\s]*/.exec(text.replace(/^\S*buildx\S*\s*/, ''))?.[1] ?? null;
}
/** `qemu-aarch64 --version` -> 7.2.19; null when it does not say. */
function parseQemuVersion(text) {
    return /qemu-\S+ version (\d+\.\d+(\.\d+)?)/.exec(text)?.[1] ?? null;
}
/**
 * The image store from `docker info`'s DriverStatus: the containerd image store reports a
 * driver-type of io.containerd.snapshotter.v1; the classic store reports none.
 */
function imageStoreOf(driverStatus) {
    return (driverStatus ?? []).some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'))
        ? 'containerd'
        : 'classic';
}

;// CONCATENATED MODULE: ./src/docker/info.ts



/** `docker info --format '{{json .}}'`; null when it is not that. */
function parseEngineInfo(json) {
    let info;
    try {
        info = JSON.parse(json);
    }
    catch {
        return null;
    }
    if (!info || typeof info !== 'object')
        return null;
    const machine = info.Architecture ?? '';
    return {
        imageStore: imageStoreOf(info.DriverStatus),
        arch: archOfMachine(machine) ?? (machine || null),
        name: info.Name ?? '',
        kernel: info.KernelVersion ?? '',
    };
}
/**
 * Whether the engine runs on this machine (same host name, same kernel): then this machine's
 * binfmt_misc is the engine's. Docker Desktop's VM, a remote DOCKER_HOST or context: no.
 */
function engineIsLocal(info, here = { name: (0,external_node_os_namespaceObject.hostname)(), kernel: (0,external_node_os_namespaceObject.release)() }) {
    return info.name !== '' && info.name === here.name && info.kernel === here.kernel;
}

;// CONCATENATED MODULE: ./src/docker/queries.ts




function engineQueries(run) {
    return {
        async serverVersion() {
            const res = await run(['version', '--format', '{{.Server.Version}}'], {
                timeoutMs: 30_000,
            });
            if (res.spawnError) {
                throw new EnvironmentError(`docker: the docker command was not found (${res.spawnError.code}); install Docker, or on GitHub use a Linux runner, which has it`);
            }
            const version = res.stdout.trim();
            if (res.exitCode !== 0 || version === '') {
                throw new EnvironmentError(`docker: cannot reach the Docker engine; start the daemon (or point DOCKER_HOST at one) and run again. ${describeFailure(res, 3)}`);
            }
            return version;
        },
        async buildxVersion() {
            const res = await run(['buildx', 'version'], { timeoutMs: 30_000 });
            if (res.exitCode !== 0) {
                throw new EnvironmentError(`docker buildx is not available; add docker/setup-buildx-action before this step (or install the buildx CLI plugin). ${describeFailure(res, 3)}`);
            }
            return res.stdout.trim();
        },
        async inspectBuilder(name) {
            const res = await run(['buildx', 'inspect', ...(name ? [name] : [])], {
                timeoutMs: 60_000,
            });
            if (res.exitCode !== 0) {
                throw new EnvironmentError(name
                    ? `builder: '${name}' is not a buildx builder here; create it (docker/setup-buildx-action) or leave the input empty for the current one. ${describeFailure(res, 3)}`
                    : `docker buildx inspect failed. ${describeFailure(res, 3)}`);
            }
            return parseBuilderInspect(res.stdout);
        },
        async askBuilder(name, timeoutMs, signal) {
            const res = await run(['buildx', 'inspect', name], {
                timeoutMs,
                ...(signal ? { signal } : {}),
            });
            const answered = res.exitCode === 0 && !res.timedOut && !res.aborted;
            return {
                info: answered ? parseBuilderInspect(res.stdout) : null,
                timedOut: res.timedOut,
                error: answered ? '' : res.tail.slice(-2).join(' ').trim() || describeFailure(res, 1),
            };
        },
        probeBuilder(name, timeoutMs) {
            const builder = name ? ['--builder', name] : [];
            const out = ['--progress', 'plain', '--output', 'type=cacheonly', '-'];
            return run(['buildx', 'build', ...builder, ...out], {
                input: 'FROM scratch\n',
                timeoutMs,
            });
        },
        async engineInfo() {
            const res = await run(['info', '--format', '{{json .}}'], { timeoutMs: 30_000 });
            return res.exitCode === 0 ? parseEngineInfo(res.stdout) : null;
        },
    };
}

;// CONCATENATED MODULE: ./src/docker/client.ts




const DOCKER = process.env.TFMC_DOCKER_BIN || 'docker';
/**
 * The environment docker commands run with: the process's own, without the GitHub token, so
 * that nothing downstream (a build argument taken from the environment, a plugin) can pick it
 * up. ACTIONS_RUNTIME_TOKEN stays: buildx needs it for the type=gha cache.
 */
function dockerEnv(env = process.env) {
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (/^(INPUT_GITHUB-TOKEN|GITHUB_TOKEN|GH_TOKEN)$/i.test(k))
            continue;
        out[k] = v;
    }
    return out;
}
/** The real client: the one place a docker process is spawned. */
function createDocker(hooks = {}) {
    const env = dockerEnv();
    const run = (args, opts = {}) => {
        hooks.onCommand?.(args);
        return exec_run(DOCKER, args, { env, ...opts });
    };
    return { ...engineQueries(run), ...imageOperations(run), ...containerOperations(run) };
}

;// CONCATENATED MODULE: ./src/results/stages.ts
// The stages of a platform's check, in one table: the order they run and are shown in, what the
// reports call them, when a platform's results hold them and how each counts in the verdict.
// Whatever lists stages (the results' types and their validation, the verdict, the report's
// columns, the commit status and the comment's fingerprint) reads them from here. A new stage
// is a row here, its file under engine/stages/ and its runner in engine/platform.ts's RUNNERS.
/** The stages, in the order they run and are shown in. */
const STAGES = [
    { name: 'build', title: 'Build', present: 'always', verdict: 'image' },
    { name: 'pull', title: 'Image', present: 'image', verdict: 'image', replaces: 'build' },
    { name: 'import', title: 'Import', present: 'always', verdict: 'pass', compared: true },
    {
        name: 'train',
        title: 'Train',
        logTitle: 'Training',
        present: 'always',
        verdict: 'train',
        decidedBy: 'import',
        compared: true,
    },
    // With gpus: TensorFlow listed the GPUs and trained on one, in the import's container.
    { name: 'gpu', title: 'GPU', present: 'gpus', verdict: 'pass', decidedBy: 'import' },
    { name: 'start', title: 'Start', present: 'start', verdict: 'pass' },
    { name: 'run', title: 'Run', present: 'run', verdict: 'pass' },
];
const SPECS = STAGES;
/** The order stages run and are shown in (pull takes the build's place). */
const STAGE_ORDER = STAGES.map((s) => s.name);
const CORE_STAGES = STAGE_ORDER.filter((s) => spec(s).present === 'always');
const EXTRA_STAGES = STAGE_ORDER.filter((s) => spec(s).present !== 'always');
const COMPARED_STAGES = STAGE_ORDER.filter((s) => spec(s).compared);
function spec(name) {
    return SPECS.find((s) => s.name === name);
}
/** A stage as reports name it. */
function stageTitle(s) {
    return spec(s).title;
}
/** The heading of a stage's log in the report. */
function logTitle(s) {
    return spec(s).logTitle ?? spec(s).title;
}
/** The stages that a stage of these takes the place of: the build, where the pull ran. */
function replacedBy(names) {
    return new Set(names.flatMap((n) => spec(n).replaces ?? []));
}
/**
 * Why a stage did not pass, in a word (its reason says it in a sentence), and what that is: the
 * image's `failure`, `undecided` (the check could not tell here: the commit status is an error),
 * or why a stage was `skipped`.
 */
const CAUSES = {
    /** The command or container exited with a non-zero code. */
    exit: 'failure',
    /** The check's own step in the container said it failed: no import, or the training step raised. */
    error: 'failure',
    /** The process was killed by a signal (SIGILL, SIGSEGV, ...). */
    signal: 'failure',
    /** The container was killed for using too much memory. */
    oom: 'failure',
    /** The run was cancelled. */
    cancelled: 'failure',
    /** The docker command itself could not be started. */
    docker: 'failure',
    /** The image input has no image for the platform. */
    'no-platform-image': 'failure',
    /** The image, or the process that ran in it, is another platform (also a training step not counted). */
    'not-the-platform': 'failure',
    /** With gpus: TensorFlow listed fewer GPUs than asked for, or trained on the CPU. */
    'no-gpu': 'failure',
    /** With gpus, an emulated platform: no GPU can be used under QEMU, so the check cannot tell. */
    emulated: 'undecided',
    /** timeout-minutes ran out. */
    timeout: 'undecided',
    /** No emulator for the platform can be had on this machine. */
    'no-emulator': 'undecided',
    /** The builder's BuildKit stopped answering, or went away, during the build. */
    builder: 'undecided',
    /** The reusable workflow: no runner took the platform's job (and no fallback checked it). */
    'no-runner': 'undecided',
    /** Report mode: a platform asked for that no results file holds. */
    'no-results': 'undecided',
    /** train: false. */
    'turned-off': 'skipped',
    /** An earlier stage did not pass, or did not run. */
    'not-reached': 'skipped',
    /** The image input was checked instead (the build). */
    replaced: 'skipped',
    /** The static analysis found the build cannot succeed for the platform. */
    finding: 'skipped',
};
function isCause(s) {
    return Object.hasOwn(CAUSES, s);
}

;// CONCATENATED MODULE: ./src/results/types.ts
// The results JSON: read by outside tools, the report mode and people. Extend it; never rename
// or remove a field. schemaVersion changes only for a change that old readers would misread.

const SCHEMA_VERSION = 1;

function emptyEnvironment() {
    return { machine: null, python: null, tensorflow: null, numpy: null, keras: null };
}
function emptyStage(status = 'skipped', reason, cause) {
    return {
        status,
        durationMs: 0,
        log: '',
        ...(reason !== undefined ? { reason } : {}),
        ...(cause !== undefined ? { cause } : {}),
    };
}
/**
 * A stage's cause. Results written before stage results carried one say it only in their status
 * and reason: a timeout, or the sentence engine/emulation.ts then wrote when no emulator could
 * be had; that is read from them, so that they keep the commit status they had.
 */
function stageCause(st) {
    if (st.cause !== undefined)
        return st.cause;
    if (st.status === 'timed-out')
        return 'timeout';
    if (st.status === 'failed' && /no QEMU emulator/.test(st.reason ?? ''))
        return 'no-emulator';
    return undefined;
}
/** The stages a platform has, in order. */
function stagesOf(stages) {
    return STAGE_ORDER.filter((s) => stages[s] !== undefined);
}
/** The first stage that failed or timed out. */
function failingStage(stages) {
    return stagesOf(stages).find((s) => stages[s].status === 'failed' || stages[s].status === 'timed-out');
}
/**
 * The stage that decided a platform that did not pass: the first that failed or timed out, else
 * the first that the check could not decide here (a GPU check under QEMU).
 */
function decisiveStage(stages) {
    return (failingStage(stages) ??
        stagesOf(stages).find((s) => {
            const cause = stageCause(stages[s]);
            return cause !== undefined && CAUSES[cause] === 'undecided';
        }));
}
/** The stage that made the platform's image: the pull where the image input replaced the build. */
function imageStage(stages) {
    const have = stagesOf(stages);
    const replaced = replacedBy(have);
    return have.find((s) => spec(s).verdict === 'image' && !replaced.has(s));
}
/**
 * The stages a report shows as columns: those every platform has (the build left out when every
 * platform checked an existing image instead), and those any platform has.
 */
function shownStages(platforms) {
    const hidden = platforms.length === 0
        ? new Set()
        : replacedBy(STAGE_ORDER.filter((s) => platforms.every((p) => p.stages[s] !== undefined)));
    return STAGE_ORDER.filter((s) => spec(s).present === 'always'
        ? !hidden.has(s)
        : platforms.some((p) => p.stages[s] !== undefined));
}
/** The job passes when every required platform passed. */
function overallPassed(platforms) {
    return platforms.every((p) => !p.required || p.passed);
}

;// CONCATENATED MODULE: ./src/gpus.ts

const GPUS_FIX = "use off, all, a count (2), device=0,1 (Docker's --gpus), or CDI names such as nvidia.com/gpu=all";
// A CDI name: vendor/class=device (the CDI specification's qualified device name).
const CDI_NAME = /^[a-z0-9][a-z0-9.-]*\.[a-z]+\/[a-z0-9][a-z0-9_.-]*=[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const KEYS = new Set(['count', 'device', 'capabilities', 'driver', 'options']);
/** The gpus option; null for off. Refuses what `docker run --gpus` or CDI would refuse. */
function parseGpus(raw) {
    // Docker's own documentation quotes a device list for the shell: '"device=0,1"'.
    const v = raw.trim().replace(/^"([^"]*)"$/, '$1');
    if (v === '' || v.toLowerCase() === 'off')
        return null;
    const bad = (why) => {
        throw new InputError('gpus', `'${raw}' ${why}; ${GPUS_FIX}`);
    };
    if (v.includes('/')) {
        const devices = v.split(/[\s,]+/).filter(Boolean);
        for (const d of devices)
            if (!CDI_NAME.test(d))
                bad(`has '${d}', which is not a CDI name`);
        const count = devices.some((d) => d.endsWith('=all')) ? null : devices.length;
        return { kind: 'cdi', value: v, devices, count };
    }
    // Each field unquoted, so that the value is what Docker reads and gpuArgs quotes it once.
    const fields = v.split(/,(?="?[a-z]+=)/).map((f) => f.replace(/^"(.*)"$/, '$1'));
    return { kind: 'docker', value: fields.join(','), count: dockerCount(fields, bad) };
}
/**
 * The count Docker's --gpus value asks for (null: all). Its grammar: an optional bare first
 * field, all or N, then key=value pairs (count, device, capabilities, driver, options), each key
 * once, count and device not together, one GPU where neither is given; device= takes a
 * comma-separated list, so the pairs are split at a comma followed by a key.
 */
function dockerCount(fields, bad) {
    let count;
    const seen = new Set();
    for (const [i, field] of fields.entries()) {
        const eq = field.indexOf('=');
        const key = eq > 0 ? field.slice(0, eq) : i === 0 ? 'count' : '';
        const value = eq > 0 ? field.slice(eq + 1) : field;
        if (!KEYS.has(key))
            bad('is not a value docker run --gpus takes');
        if (seen.has(key))
            bad(`names ${key} twice`);
        seen.add(key);
        if (key === 'device') {
            const ids = value.split(',');
            if (ids.some((id) => !DEVICE_ID.test(id)))
                bad('names a device that is no GPU index or UUID');
            count = ids.length;
        }
        else if (key === 'count') {
            if (value === 'all')
                count = null;
            else if (/^[0-9]+$/.test(value) && Number(value) >= 1)
                count = Number(value);
            else
                bad(/^[0-9]+$/.test(value) ? 'asks for no GPU' : 'has a count that is not all or N >= 1');
        }
    }
    if (seen.has('count') && seen.has('device'))
        bad('gives both a count and devices');
    // Neither a count nor devices (capabilities=compute alone): Docker gives one GPU.
    return count === undefined ? 1 : count;
}
/** The gpu-ready option. */
function parseGpuReady(raw) {
    const v = raw.trim().toLowerCase();
    if (v === 'auto' || v === 'report' || v === 'required' || v === 'off')
        return v;
    throw new InputError('gpu-ready', `'${raw}' is not one of auto, report, required, off`);
}
/** How many GPUs a request needs TensorFlow to list: its count, else at least one. */
function gpusNeeded(r) {
    return r.count ?? 1;
}
/**
 * The variable that hides every GPU from the processes of a container, whatever runs it:
 * CUDA_VISIBLE_DEVICES whose first entry is no device index or UUID (empty, -1, none): the CUDA
 * runtime then sees no device (TensorFlow logs `CUDA_ERROR_NO_DEVICE: no CUDA-capable device is
 * detected`). NVIDIA_VISIBLE_DEVICES=void or none in an image does not count: `docker run --gpus`
 * and the Kubernetes device plugin set their own value in its place (moby's nvidia device
 * driver), so users who start the image that way get their GPUs all the same.
 */
function hidingVariable(env) {
    const cuda = env.CUDA_VISIBLE_DEVICES;
    if (cuda === undefined)
        return null;
    const first = cuda.split(',')[0].trim();
    if (/^[0-9]+$/.test(first) || /^(GPU|MIG)-[0-9A-Za-z-]+/i.test(first))
        return null;
    return { name: 'CUDA_VISIBLE_DEVICES', value: cuda };
}

;// CONCATENATED MODULE: ./src/results/verdict.ts




// The one rule that decides whether a platform passed. Whatever stages a check runs, a platform
// passes only when its image is that platform and the process that imported TensorFlow really
// ran as that platform: proven by the image's own configuration and by what the process saw
// inside the container. Every mode (the engine, report mode reading results files) decides
// through here, so no stage can pass a platform that is not what it claims. The same holds for
// GPUs: a GPU check passes only when TensorFlow listed the GPUs and trained on one, and an image
// is GPU-ready only when the facts found in it say so; a missing fact fails.
/** Why the image's configuration is not the platform asked for; null when it is. */
function imageMismatch(platform, image) {
    const declared = declaredPlatform(image?.os, image?.architecture, image?.variant);
    if (declared === null)
        return `the image's configuration does not say which platform it is, so it cannot be proven to be ${platform}`;
    if (declared !== platform)
        return `the image built for ${platform} is a ${declared} image (its configuration says os ${image?.os}, architecture ${image?.architecture}${image?.variant ? `, variant ${image.variant}` : ''})`;
    return null;
}
/** Why the process inside the container did not run as the platform; null when it did. */
function machineMismatch(p, env) {
    if (!env.machine)
        return `the container never reported its machine, so it cannot be proven to have run as ${p.id}`;
    if (!machineMatches(p, env.machine))
        return `the container ran as ${env.machine}, not as ${p.id} (${machinesOf(p).join(' or ')})`;
    // uname alone is not enough: a 32-bit process on its 64-bit sibling may report the 64-bit
    // kernel's name. The interpreter's own ELF header says what really ran.
    const interpreter = env.interpreter ?? null;
    if (interpreter === null)
        return `the interpreter's binary could not be read, so it cannot be proven to be a ${p.id} binary`;
    if (interpreter !== p.arch)
        return `the interpreter${env.executable ? ` ${env.executable}` : ''} is an ${interpreter} binary, not ${p.arch}`;
    return null;
}
/** Both proofs at once: the first reason the platform is not what it claims, or null. */
function architectureMismatch(r) {
    let p;
    try {
        p = parsePlatform(r.platform);
    }
    catch {
        return `'${r.platform}' is not a platform`;
    }
    return imageMismatch(p.id, r.image) ?? machineMismatch(p, r.environment);
}
/**
 * Whether the stages allow a pass: none failed or timed out; the stage that made the image (the
 * build, or with the image input the pull) passed; every stage that must pass (the import, and
 * those asked for beyond it: start, run) passed; training passed, or was skipped because the
 * user turned it off. How each stage counts is its row in results/stages.ts.
 */
function stagesPassed(stages, train) {
    if (failingStage(stages))
        return false;
    const have = stagesOf(stages);
    const replaced = replacedBy(have);
    return have.every((s) => {
        const passed = stages[s].status === 'passed';
        switch (spec(s).verdict) {
            case 'image':
                return replaced.has(s) || passed;
            case 'train':
                return !train || passed;
            case 'pass':
                return passed;
        }
    });
}
/** A device TensorFlow names as a GPU: /job:localhost/replica:0/task:0/device:GPU:0. */
const GPU_DEVICE = /(^|\/)device:GPU:[0-9]+$/;
/**
 * Why the GPU check (the gpus option) is not proven; null when it is, or when none was asked
 * for. It needs TensorFlow to have listed at least the GPUs asked for (recounted from the
 * request, not taken from the file) and the training step's output to be on a GPU device.
 */
function gpuMismatch(r) {
    const st = r.stages.gpu;
    if (!st && !r.gpu)
        return null;
    if (!st)
        return 'GPUs were asked for, and the results have no GPU stage';
    if (!r.gpu)
        return 'the container never said which GPUs TensorFlow saw';
    return gpuProblem(r.gpu);
}
/** Why what TensorFlow saw does not prove the GPUs asked for; null when it does. */
function gpuProblem(g) {
    let needed;
    try {
        const request = parseGpus(g.requested);
        if (!request)
            return `'${g.requested}' asks for no GPU`;
        needed = gpusNeeded(request);
    }
    catch {
        return `'${g.requested}' is not a GPU request`;
    }
    const devices = g.devices;
    if (devices === null)
        return 'TensorFlow never listed its GPUs';
    if (devices.length < needed)
        return devices.length === 0
            ? 'TensorFlow listed no GPU'
            : `TensorFlow listed ${devices.length} GPU${devices.length === 1 ? '' : 's'}, and ${needed} were asked for`;
    const on = g.trainedOn;
    if (on === null)
        return 'the training step never said which device it ran on';
    if (!GPU_DEVICE.test(on))
        return `the training step ran on ${on}, not on a GPU`;
    return null;
}
/** The libraries a CUDA build cannot do without, by name (smoke.py's CUDA_LIBRARIES, held equal by a test). */
const NEEDED_LIBRARIES = [
    'cudart',
    'cublas',
    'cublasLt',
    'cufft',
    'cusolver',
    'cusparse',
    'cudnn',
];
/**
 * Why an image could not use an NVIDIA GPU, from what was found in it without one; null when it
 * could: TensorFlow is a CUDA build, every library such a build opens loaded (at the major the
 * build names), and no variable hides the devices.
 */
function readinessProblem(build, libraries, hiddenBy) {
    if (!build)
        return "TensorFlow's build information was never reported";
    if (!build.cuda)
        return 'TensorFlow here is not a CUDA build (tf.sysconfig.get_build_info())';
    const missing = NEEDED_LIBRARIES.filter((name) => !libraries.some((l) => l.name === name && l.path !== null && l.soname !== null));
    if (missing.length > 0) {
        const named = missing.map((name) => libraries.find((l) => l.name === name)?.soname ?? `lib${name}`);
        return `${named.join(', ')} cannot be loaded`;
    }
    if (hiddenBy)
        return `${hiddenBy.name}=${JSON.stringify(hiddenBy.value)} hides the GPUs`;
    return null;
}
/** Why gpu-ready: required fails the platform; null when it does not (not required, or ready). */
function readinessMismatch(r) {
    const g = r.gpuReady;
    if (!g?.required)
        return null;
    return readinessProblem(r.environment.tensorflowBuild, g.libraries, g.hiddenBy);
}
/**
 * A platform passes when its image is that platform, the check really ran there, every stage
 * asked for passed, and the GPUs asked for (and GPU readiness, when required) are proven. A
 * diagnosis never turns a failure into a pass.
 */
function platformPassed(r, train) {
    return (stagesPassed(r.stages, train) &&
        architectureMismatch(r) === null &&
        gpuMismatch(r) === null &&
        readinessMismatch(r) === null);
}

;// CONCATENATED MODULE: ./src/results/slowdown.ts


/**
 * For each emulated platform, its import and training times as multiples of the first native
 * platform's, where both ran the stage to a pass. The emulator's cost, in the user's own image.
 * Only between platforms proven to have run what they claim, on different machines: an "arm64"
 * image that really ran as x86-64 has no emulation cost to report.
 */
function withSlowdowns(platforms) {
    // A missing machine is itself a mismatch: proven platforms all reported theirs.
    const proven = (p) => architectureMismatch(p) === null;
    const native = platforms.find((p) => !p.emulated && proven(p));
    return platforms.map((p) => {
        if (!p.emulated || !native || !proven(p))
            return p;
        if (p.environment.machine === native.environment.machine)
            return p;
        const ratios = COMPARED_STAGES.flatMap((stage) => {
            const a = p.stages[stage];
            const b = native.stages[stage];
            if (a.status !== 'passed' || b.status !== 'passed' || b.durationMs <= 0)
                return [];
            return [[stage, Math.round((a.durationMs / b.durationMs) * 10) / 10]];
        });
        if (ratios.length === 0)
            return p;
        return {
            ...p,
            emulationSlowdown: { native: native.platform, ...Object.fromEntries(ratios) },
        };
    });
}

;// CONCATENATED MODULE: ./src/docker/binfmt.ts




const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/** Parses one /proc/sys/fs/binfmt_misc/<name> entry. */
function parseBinfmtEntry(name, text) {
    const lines = text.split('\n');
    const field = (key) => lines
        .find((l) => l.startsWith(`${key} `))
        ?.slice(key.length + 1)
        .trim() ?? '';
    return {
        name,
        enabled: lines[0]?.trim() === 'enabled',
        interpreter: field('interpreter'),
        flags: field('flags:'),
    };
}
/**
 * Whether an enabled handler runs binaries of the QEMU architecture `qemuArch` (aarch64, arm,
 * ...). Handlers are named qemu-<arch> by both Debian's qemu-user-static and tonistiigi/binfmt;
 * the interpreter's name is the fallback (Debian's is <arch>-binfmt-P, others qemu-<arch>).
 */
function handlesArch(handlers, qemuArch) {
    return handlers.find((h) => h.enabled &&
        (h.name === `qemu-${qemuArch}` ||
            new RegExp(`(^|/)(qemu-${qemuArch}(-static)?|${qemuArch}-binfmt-P)$`).test(h.interpreter)));
}
/** The handlers registered on this machine, or null when binfmt_misc is not mounted here. */
async function readBinfmtHandlers(dir = BINFMT_DIR) {
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(dir);
    }
    catch {
        return null;
    }
    if (!names.includes('register'))
        return null;
    const handlers = [];
    for (const name of names) {
        if (name === 'register' || name === 'status')
            continue;
        try {
            handlers.push(parseBinfmtEntry(name, await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, name), 'utf8')));
        }
        catch {
            // An entry removed while we read: it no longer counts.
        }
    }
    return handlers;
}
/**
 * The version of the QEMU that runs a handler's binaries, asked of the interpreter itself, else
 * of qemu-<arch>-static or qemu-<arch> on PATH (Debian registers a wrapper); null when none
 * answers (a handler registered from inside a container, such as tonistiigi/binfmt's).
 */
async function qemuVersion(handler, qemuArch) {
    const candidates = [handler?.interpreter, `qemu-${qemuArch}-static`, `qemu-${qemuArch}`].filter((c) => Boolean(c));
    for (const bin of candidates) {
        const res = await exec_run(bin, ['--version'], { timeoutMs: 10_000 });
        const version = res.exitCode === 0 ? parseQemuVersion(res.stdout) : null;
        if (version)
            return version;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/advice.ts
// The fix of each diagnosis that both phases can reach, written once: the static phase
// (lint/) says it before the build, the classifier (diagnose/) after a failure shows it, and a
// user who meets both reads the same advice. Small functions of the facts either side knows.
// A leaf: it imports nothing.
/** How to get an emulator for an architecture: said wherever one is missing. */
function registerQemu(arch) {
    return `register QEMU (docker/setup-qemu-action, or docker run --privileged --rm tonistiigi/binfmt --install ${arch})`;
}
/** `venv-not-on-path`: the venv that holds TensorFlow, made the image's python. */
function venvOnPath(venv) {
    return `Add ENV PATH="${venv}/bin:$PATH" after creating the venv (it then applies to every later RUN and to the container), or call ${venv}/bin/python.`;
}
/** `exec-form-shell`: the exec-form instruction, without the shell it assumed. */
function execFormShell(keyword) {
    return `Call the venv's interpreter directly, e.g. ${keyword} ["/app/.venv/bin/python", "main.py"], or put the venv on PATH with ENV PATH=/app/.venv/bin:$PATH; use shell form (${keyword} . .venv/bin/activate && python main.py) only if you need a shell.`;
}
/** `externally-managed-environment`: a venv, or a base whose Python pip may install into. */
const SYSTEM_PYTHON_VENV = 'Create a venv and put it on PATH first (RUN python3 -m venv /opt/venv, then ENV PATH="/opt/venv/bin:$PATH"), or start FROM python:3.12-slim.';
/** `musl-base-image`: the glibc counterpart of the Alpine tag. */
function glibcBase(python) {
    return `Use a glibc base, e.g. FROM python:${python}-slim.`;
}
/** `macos-only-package`: the Linux package, the macOS one kept behind its marker. */
function macosOnly(name) {
    return name === 'tensorflow-metal'
        ? 'Remove tensorflow-metal from the image (it is the Apple GPU plugin); if a macOS setup shares the file, write `tensorflow-metal; sys_platform == "darwin"`.'
        : 'Install `tensorflow` instead (it runs on Apple Silicon too since 2.13); if a macOS setup shares the file, write `tensorflow-macos; sys_platform == "darwin"`.';
}
/** Keras 3's backends, as KERAS_BACKEND names them. */
const BACKENDS = 'tensorflow, jax, torch, numpy or openvino';
/** `keras-backend-invalid`. */
const KERAS_BACKEND_INVALID = `Set KERAS_BACKEND to ${BACKENDS}, or drop it (TensorFlow uses tensorflow); remove a stale ~/.keras/keras.json.`;
/** `keras-backend-missing`: the package the backend needs. */
function kerasBackendMissing(pkg) {
    return `Install ${pkg} in the image, or drop the variable (or set KERAS_BACKEND=tensorflow) to train with TensorFlow.`;
}
/** `tf-keras-missing`. */
const TF_KERAS_MISSING = 'Install tf-keras of the same minor version as TensorFlow (pip install "tf-keras~=2.16.0" beside tensorflow 2.16), or drop the variable to use Keras 3.';

;// CONCATENATED MODULE: ./src/engine/emulation.ts




/** Said once when linux/amd64 is emulated (an arm64 engine: Apple Silicon, Graviton). */
const AMD64_EMULATED = "linux/amd64 runs emulated on this engine: TensorFlow's x86-64 build needs AVX, which an emulator may not provide; an 'Illegal instruction' there says nothing about your amd64 servers (check linux/amd64 on an x86-64 runner)";
/**
 * Which platforms run natively and which under QEMU; registers the missing QEMU handlers when
 * setup-qemu allows it. A platform whose emulator cannot be had is reported, not thrown: the
 * native platforms are still checked.
 */
async function prepareEmulation(opts, deps, 
/** The engine's CPU (the preflight's answer). */
host, 
/** The engine runs on this machine; else this machine's binfmt_misc says nothing about it. */
local) {
    const read = deps.readBinfmt ?? (local ? () => readBinfmtHandlers() : async () => null);
    const emulated = opts.platforms.filter((p) => !isNative(p, host));
    const result = new Map(opts.platforms.map((p) => [p.id, { platform: p.id, emulated: !isNative(p, host) }]));
    for (const p of opts.platforms) {
        const how = local
            ? `emulated (QEMU ${qemuName(p)} on this ${host} host)`
            : `emulated (on the engine's ${host} machine, by its own emulator)`;
        deps.log.info(`${p.id}: ${isNative(p, host) ? 'native' : how}`);
        if (p.arch === 'amd64' && !isNative(p, host))
            deps.log.info(AMD64_EMULATED);
    }
    if (emulated.length === 0)
        return [...result.values()];
    let handlers = await read();
    const missing = () => handlers === null
        ? []
        : emulated.filter((p) => handlesArch(handlers ?? [], qemuName(p)) === undefined);
    let todo = opts.setupQemu === 'true' ? emulated : missing();
    if (handlers === null && opts.setupQemu === 'auto') {
        // No binfmt_misc to read (a remote engine, or a container): trust what the builder says.
        deps.log.info(local
            ? 'binfmt_misc is not readable here; relying on the builder to run emulated platforms'
            : "the engine runs on another machine (Docker Desktop's VM, DOCKER_HOST or a docker context); relying on its builder to run emulated platforms");
    }
    const installed = new Set();
    if (todo.length > 0 && opts.setupQemu !== 'false') {
        for (const p of todo)
            installed.add(p.id);
        const arches = [...new Set(todo.map((p) => p.arch))];
        deps.log.info(`registering QEMU for ${arches.join(',')} with ${opts.qemuImage}`);
        const res = await deps.docker.registerQemu(opts.qemuImage, arches, {
            timeoutMs: 5 * 60_000,
            signal: deps.signal,
        });
        if (res.exitCode !== 0) {
            deps.log.warning(`could not register QEMU with ${opts.qemuImage}: ${describeFailure(res, 5)}`);
        }
        handlers = await read();
        todo = missing();
    }
    for (const p of emulated) {
        const key = p.id;
        // A handler registered from a container (tonistiigi/binfmt) has no interpreter here to
        // ask: then the installer image we ran is what is known.
        const ours = installed.has(key);
        // Without binfmt_misc to read (a remote engine), this machine's QEMU is not the one at work.
        const version = handlers
            ? await (deps.qemuVersion ?? qemuVersion)(handlesArch(handlers, qemuName(p)), qemuName(p))
            : null;
        result.set(key, {
            ...result.get(key),
            qemu: version ?? (ours ? opts.qemuImage : null),
        });
    }
    for (const p of todo) {
        const key = p.id;
        const how = opts.setupQemu === 'false'
            ? 'setup-qemu is false'
            : `registering it with ${opts.qemuImage} did not work`;
        result.set(key, {
            platform: key,
            emulated: true,
            qemu: null,
            unavailable: `no QEMU emulator for ${qemuName(p)} is registered on this ${host} machine and ${how}; ` +
                `${registerQemu(p.arch)}, ` +
                `or check ${key} on a native runner`,
        });
    }
    return [...result.values()];
}

;// CONCATENATED MODULE: ./src/diagnosis.ts
// Every diagnosis id. Ids are stable: outside tools key on them. Extend the catalogue; never
// rename an entry. Adding one: an entry here, a row in the README's Diagnoses table, the rule
// that finds it (lint/ or diagnose/) and its fixture.
const CATALOG = {
    'macos-only-package': {
        title: 'A macOS-only package in a Linux image',
        family: 'requirements',
        root: true,
    },
    'no-wheel-for-platform': {
        title: 'The package has no wheel for this platform',
        family: 'requirements',
        generic: true,
    },
    'python-version-unsupported': {
        title: "The TensorFlow pin has no wheel for the image's Python",
        family: 'requirements',
    },
    'tensorflow-prerelease': {
        title: "Only a TensorFlow pre-release has wheels for the image's Python",
        family: 'requirements',
    },
    'musl-base-image': {
        title: 'Alpine/musl base image: TensorFlow has no musllinux wheels',
        family: 'base-image',
        root: true,
    },
    'glibc-too-old': {
        title: "The image's glibc is older than the wheel needs",
        family: 'base-image',
    },
    'base-image-not-found': {
        title: 'The base image tag does not exist',
        family: 'base-image',
        root: true,
    },
    'base-image-platform-missing': {
        title: 'The base image is not built for this platform',
        family: 'base-image',
    },
    'platform-unsupported-by-tensorflow': {
        title: 'TensorFlow publishes no wheels for this platform',
        family: 'requirements',
    },
    'externally-managed-environment': {
        title: 'pip refuses to install into the system Python (PEP 668)',
        family: 'python-setup',
        root: true,
    },
    'dependency-conflict': {
        title: 'The requirements cannot be resolved together',
        family: 'requirements',
    },
    'index-unreachable': { title: 'The build could not reach the package index', family: 'network' },
    'source-build-failed': {
        title: 'A dependency had no wheel and failed to build from source',
        family: 'requirements',
    },
    'tensorflow-not-installed': {
        title: 'TensorFlow is not installed in the image',
        family: 'python-setup',
        generic: true,
    },
    'venv-not-on-path': {
        title: "TensorFlow is in a venv the image's python does not use",
        family: 'python-setup',
        root: true,
    },
    'exec-form-shell': { title: 'Exec-form CMD/ENTRYPOINT with shell syntax', family: 'command' },
    'numpy-abi-mismatch': {
        title: 'TensorFlow was built against NumPy 1, the image has NumPy 2',
        family: 'requirements',
    },
    'protobuf-incompatible': {
        title: 'The installed protobuf does not match TensorFlow',
        family: 'requirements',
    },
    'illegal-instruction': {
        title: 'The CPU lacks an instruction the binary uses',
        family: 'machine',
    },
    'exec-format-error': {
        title: 'No emulator for this architecture (exec format error)',
        family: 'machine',
    },
    'emulator-crash': { title: 'QEMU crashed while emulating', family: 'machine' },
    'out-of-memory': { title: 'The process ran out of memory', family: 'machine' },
    timeout: { title: 'The stage ran out of time', family: 'engine' },
    'builder-stalled': { title: 'The build stopped making progress', family: 'engine' },
    'builder-lost': {
        title: "The builder's BuildKit went away during the build",
        family: 'engine',
    },
    'docker-engine-lost': { title: 'The Docker engine went away during the check', family: 'engine' },
    'build-cache-corrupt': {
        title: "The builder's cache refers to data that is no longer on disk",
        family: 'engine',
    },
    // The reusable workflow's: a platform's check job that no runner took, or that left no results.
    'runner-unavailable': { title: "No runner took the platform's job", family: 'engine' },
    'results-missing': { title: 'The platform has no results', family: 'engine' },
    'wrong-architecture': {
        title: 'The image is not the platform it was built for',
        family: 'architecture',
        proven: true,
    },
    'foreign-binaries': {
        title: 'The image holds binaries of another architecture than its own',
        family: 'architecture',
        proven: true,
    },
    'image-platform-missing': {
        title: 'The image has no manifest for this platform',
        family: 'architecture',
    },
    'start-failed': { title: "The image's own ENTRYPOINT/CMD failed", family: 'command' },
    'run-failed': { title: 'Your own test (the run command) failed', family: 'command' },
    'keras-backend-missing': {
        title: 'KERAS_BACKEND names a backend the image does not have',
        family: 'keras',
    },
    'keras-backend-invalid': { title: 'KERAS_BACKEND names no Keras backend', family: 'keras' },
    'tf-keras-missing': {
        title: 'TF_USE_LEGACY_KERAS asks for Keras 2, and tf-keras is not installed',
        family: 'keras',
    },
    'keras-version-mismatch': {
        title: "The installed Keras does not match TensorFlow's version",
        family: 'keras',
    },
    'entrypoint-not-runnable': {
        title: "The image's ENTRYPOINT cannot be started",
        family: 'command',
    },
    'gpu-runtime-missing': {
        title: 'The GPUs asked for cannot be given to a container here',
        family: 'gpu',
    },
    'tensorflow-not-cuda-build': {
        title: 'TensorFlow in this image is not a CUDA build',
        family: 'gpu',
    },
    'cuda-libraries-missing': {
        title: 'CUDA libraries TensorFlow needs cannot be loaded',
        family: 'gpu',
    },
    'cuda-driver-too-old': {
        title: "The host's NVIDIA driver is older than the image's CUDA runtime",
        family: 'gpu',
    },
    'gpu-devices-hidden': { title: 'An environment variable hides the GPUs', family: 'gpu' },
    'and-cuda-without-cuda': {
        title: 'tensorflow[and-cuda] brings no CUDA build on this platform',
        family: 'gpu',
        // A finding for one platform whose build passes: it must not stand in for what an unrelated
        // failure of that platform's log says (explain.ts).
        advisory: true,
    },
    'tensorflow-cpu-with-gpus': {
        title: 'tensorflow-cpu cannot use a GPU',
        family: 'gpu',
    },
    'gpu-not-used': {
        title: 'TensorFlow ran on the CPU, not on the GPUs asked for',
        family: 'gpu',
        generic: true,
    },
    unknown: { title: 'Unrecognised failure', family: 'unknown', generic: true },
};
function diagnosis(id, detail, fix, where) {
    return {
        id,
        title: CATALOG[id].title,
        detail,
        fix,
        ...(where?.file ? { file: where.file } : {}),
        ...(where?.line ? { line: where.line } : {}),
    };
}

;// CONCATENATED MODULE: ./src/format.ts
// How the check writes a duration, a place in a file and a cut text, wherever it writes them
// (log lines, reasons, diagnoses, the report): one spelling each. A leaf: it imports nothing.
/** A stage's or a build's time: "52 s", "3 min 06 s". */
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}
/** A short time to a tenth of a second, for log lines: "11.2 s". */
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** A place in the project: "Dockerfile:6", or the file alone when no line is known. */
function fileLine(at) {
    return at.line ? `${at.file}:${at.line}` : at.file;
}
/** At most `max` characters, the last an ellipsis when it was cut. */
function truncate(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __nccwpck_require__(898);
;// CONCATENATED MODULE: ./src/knowledge/wheels.generated.ts
// Generated by scripts/refresh-knowledge.mjs on 2026-12-03 with pip 23.2.1; do not edit.
// Linux wheels on the package index: for each package and final release, the Python versions
// with a wheel for x86_64 and for aarch64 (glibc 2.31 and up).
const WHEELS = {
    tensorflow: {
        '2.2.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.4': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.4': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.5.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.4': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.5': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.4': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.8.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.2': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.3': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.4': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.2': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.3': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.10.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.10.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.11.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.11.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.12.0': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.12.1': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.0': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.1': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.14.0': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.14.1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.0': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.0.post1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.15.1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.16.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.16.2': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.17.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.17.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.18.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.18.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.19.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.19.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
        '2.20.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12', '3.13'],
            aarch64: ['3.9', '3.10', '3.11', '3.12', '3.13'],
        },
        '2.21.0': {
            x86_64: ['3.10', '3.11', '3.12', '3.13'],
            aarch64: ['3.10', '3.11', '3.12', '3.13'],
        },
    },
    'tensorflow-cpu': {
        '2.2.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.2.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.3.4': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.0': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.1': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.2': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.3': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.4.4': {
            x86_64: ['3.8'],
            aarch64: [],
        },
        '2.5.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.5.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.4': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.6.5': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.0': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.1': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.2': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.3': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.7.4': {
            x86_64: ['3.8', '3.9'],
            aarch64: [],
        },
        '2.8.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.2': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.3': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.8.4': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.2': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.9.3': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.10.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.10.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.11.0': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.11.1': {
            x86_64: ['3.8', '3.9', '3.10'],
            aarch64: [],
        },
        '2.12.0': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.12.1': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.13.0': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.13.1': {
            x86_64: ['3.8', '3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.14.0': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.14.1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.15.0': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.15.0.post1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.15.1': {
            x86_64: ['3.9', '3.10', '3.11'],
            aarch64: [],
        },
        '2.16.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.16.2': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.17.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.17.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.18.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.18.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.19.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.19.1': {
            x86_64: ['3.9', '3.10', '3.11', '3.12'],
            aarch64: [],
        },
        '2.20.0': {
            x86_64: ['3.9', '3.10', '3.11', '3.12', '3.13'],
            aarch64: [],
        },
        '2.21.0': {
            x86_64: ['3.10', '3.11', '3.12', '3.13'],
            aarch64: [],
        },
    },
    'tensorflow-cpu-aws': {
        '2.9.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.10.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.10.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.11.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.12.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.12.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.14.0': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.14.1': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.0': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.1': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
    },
    'tensorflow-aarch64': {
        '2.7.4': {
            x86_64: [],
            aarch64: ['3.8', '3.9'],
        },
        '2.8.4': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.9.3': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.10.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.11.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.11.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10'],
        },
        '2.12.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.12.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.0': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.13.1': {
            x86_64: [],
            aarch64: ['3.8', '3.9', '3.10', '3.11'],
        },
        '2.14.0': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.14.1': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.0': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.15.1': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11'],
        },
        '2.16.1': {
            x86_64: [],
            aarch64: ['3.9', '3.10', '3.11', '3.12'],
        },
    },
    'tensorflow-macos': {},
    'tensorflow-metal': {},
};
// Pre-releases newer than the newest final release, with the same shape: what pip installs when
// no final release fits (an unpinned requirement on a Python no release supports yet).
const PRERELEASES = {
    tensorflow: {
        '2.22.0rc0': {
            x86_64: ['3.10', '3.11', '3.12', '3.13', '3.14'],
            aarch64: ['3.10', '3.11', '3.12', '3.13', '3.14'],
        },
    },
};

;// CONCATENATED MODULE: ./src/knowledge/tensorflow.ts



// What the checker knows about TensorFlow's wheels, in one place.
//
// Sources: the package index itself (wheels.generated.ts, re-derived by
// scripts/refresh-knowledge.mjs with pip); TensorFlow's release notes and issue tracker:
// tensorflow-cpu has never published aarch64 wheels (tensorflow/tensorflow#106021); 2.10-2.15
// publish for aarch64 only a shim that depends on tensorflow-cpu-aws==<same> (#60204, #59731);
// first-party aarch64 wheels from 2.16.1 (#67772, metadata fixed in 2.16.2, #63585); 2.14.0
// lacks its numpy<2 bound (#102743); wheels up to 2.20 are manylinux2014 (glibc 2.17), 2.21
// manylinux_2_27 (glibc 2.27). tensorflow-macos and tensorflow-metal publish macOS wheels only.
/** The architectures TensorFlow publishes Linux wheels for, as manylinux tags name them. */
const WHEEL_ARCHES = ['x86_64', 'aarch64'];
/** The TensorFlow distributions the checker reasons about. */
const TENSORFLOW_PACKAGES = [
    'tensorflow',
    'tensorflow-cpu',
    'tensorflow-cpu-aws',
    'tensorflow-aarch64',
    'tensorflow-macos',
    'tensorflow-metal',
    'tensorflow-intel',
    'tf-nightly',
];
/** Packages that publish macOS wheels only. */
const MACOS_ONLY = ['tensorflow-macos', 'tensorflow-metal'];
/** PEP 503 normalisation: Tensorflow_CPU -> tensorflow-cpu. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** The architecture of TensorFlow's Linux wheels for Docker's (arm64: aarch64); null for none. */
function archOf(arch) {
    const tag = archRow(arch).manylinux;
    return WHEEL_ARCHES.find((w) => w === tag) ?? null;
}
/** Platforms for which TensorFlow publishes Linux wheels at all. */
function tensorflowHasWheels(p) {
    return archOf(p.arch) !== null;
}
function versionsOf(pkg) {
    return Object.keys(WHEELS[pkg] ?? {});
}
/** Whether the package has any Linux wheel for the architecture, in any release. */
function hasAnyWheel(pkg, arch) {
    return Object.values(WHEELS[pkg] ?? {}).some((e) => e[arch].length > 0);
}
/** Whether the index knows the package at all (the generated data covers it). */
function isKnown(pkg) {
    return pkg in WHEELS;
}
/**
 * The Python versions for which `pkg==version` installs on `arch`. For the aarch64 shims of
 * tensorflow 2.10-2.15 that is where tensorflow-cpu-aws of the same version also has a wheel.
 */
function installablePythons(pkg, version, arch) {
    const entry = WHEELS[pkg]?.[version];
    if (!entry)
        return [];
    const own = entry[arch];
    if (pkg === 'tensorflow' && arch === 'aarch64' && (0,pep440.satisfies)(version, '>=2.10,<2.16')) {
        const aws = WHEELS['tensorflow-cpu-aws']?.[version]?.aarch64 ?? [];
        return own.filter((p) => aws.includes(p));
    }
    return own;
}
/** Which releases a requirement specifier (">=2.16,<2.18", "==2.19.*", "" for any) admits, and which of them install here. */
function checkPin(pkg, specifier, python, arch) {
    const matching = versionsOf(pkg).filter((v) => (0,pep440.valid)(v) && (specifier.trim() === '' || (0,pep440.satisfies)(v, specifier)));
    const pythons = new Set();
    const installable = [];
    for (const v of matching) {
        const py = installablePythons(pkg, v, arch);
        py.forEach((p) => pythons.add(p));
        if (python === null ? py.length > 0 : py.includes(python))
            installable.push(v);
    }
    return {
        matching,
        installable,
        pythons: [...pythons].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    };
}
/** The newest release installable for this Python on every architecture, for fix suggestions. */
function newestFor(python) {
    const all = versionsOf('tensorflow').filter((v) => (0,pep440.valid)(v) && /^\d+\.\d+\.\d+$/.test(v));
    for (const v of all.reverse()) {
        const fits = (arch) => {
            const pythons = installablePythons('tensorflow', v, arch);
            return python === null ? pythons.length > 0 : pythons.includes(python);
        };
        if (WHEEL_ARCHES.every(fits))
            return v;
    }
    return null;
}
/**
 * The pre-release pip takes when no final release fits: the newest one the specifier admits
 * with a wheel for this Python and architecture (pip falls back to pre-releases only then).
 */
function prereleaseFor(pkg, specifier, python, arch) {
    const found = Object.entries(PRERELEASES[pkg] ?? {}).filter(([v, e]) => e[arch].includes(python) &&
        (specifier.trim() === '' || (0,pep440.satisfies)(v, specifier, { prereleases: true })));
    return found.at(-1)?.[0] ?? null;
}

;// CONCATENATED MODULE: ./src/diagnose/evidence.ts


function find(lines, re) {
    for (let i = lines.length - 1; i >= 0; i--) {
        const m = re.exec(lines[i]);
        if (m)
            return { line: lines[i].trim(), groups: m.slice(1).map((g) => g ?? '') };
    }
    return null;
}
function quote(line) {
    // BuildKit prefixes step lines with "#5 0.588 " and repeats them in its summary as "0.588 ".
    const clean = line
        .replace(/^#\d+ /, '')
        .replace(/^\d+\.\d+ /, '')
        .trim();
    return `"${truncate(clean, 300)}"`;
}
/** What the docker client prints when the engine dies under it or is gone. */
const ENGINE_LOST = /Cannot connect to the Docker daemon|error during connect|(rpc error: code = |failed to solve: )Unavailable|docker\.sock: connect: (connection refused|no such file)|error waiting for container: (unexpected )?EOF/i;
/**
 * What pip, uv and requests print when the package index cannot be reached at all: DNS,
 * refused or timed-out connections, proxies, and certificates nobody in the image trusts.
 */
const INDEX_UNREACHABLE = /Failed to establish a new connection|Temporary failure in name resolution|Name or service not known|\[Errno 111\] Connection refused|ProxyError|Cannot connect to proxy|CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError|invalid peer certificate|UnknownIssuer|There was a problem confirming the ssl certificate|ConnectTimeoutError|dns error: failed to lookup|error sending request for url/;
const DECISIVE = /error|Error|ERROR|Traceback|fatal|denied|not found|No module|Killed|Segmentation/;
/** The lines that say most about an unrecognised failure. */
function decisiveLines(lines, count = 5) {
    const hits = lines.filter((l) => DECISIVE.test(l) && !/^#\d+ DONE/.test(l));
    const pick = hits.length > 0 ? hits : lines.filter((l) => l.trim() !== '');
    return pick.slice(-count).map((l) => l.trim());
}
/** The error of the BuildKit step that loads a base image's metadata ("#3 ERROR: ..."), if it failed. */
function metadataError(lines) {
    for (const l of lines) {
        const step = /^(#\d+) \[internal\] load metadata for /.exec(l)?.[1];
        if (!step)
            continue;
        const err = lines.find((x) => x.startsWith(`${step} ERROR: `));
        if (err)
            return { line: err.trim(), groups: [] };
    }
    return null;
}
/** "all 96 extension modules read" or "3 of the 96 extension modules read". */
function readCount(foreign, checked) {
    if (checked === undefined || checked === 0)
        return `${foreign} extension modules`;
    return foreign === checked
        ? `all ${checked} extension modules read`
        : `${foreign} of the ${checked} extension modules read`;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function requirementName(spec) {
    return normalizeName(spec.replace(/[\s[<>=!~;].*$/, ''));
}
/** A family's rules, run in their order: the order in which their diagnoses are listed. */
function runRules(rules, e, add) {
    for (const rule of rules)
        rule(e, add);
}

;// CONCATENATED MODULE: ./src/diagnose/command.ts



/**
 * Causes of the stages that check what ships: an image without the platform, an image whose own
 * start fails, the team's own test failing. The TensorFlow causes (runtime.ts and the others)
 * apply to their output too; the fallbacks here name the stage instead of "unknown".
 */
function commandCauses(e, add, matched) {
    const has = e.imagePlatforms;
    if (has) {
        const list = has.has.length > 0 ? has.has.join(', ') : 'no platform this check can read';
        add(diagnosis('image-platform-missing', `${has.ref} has no ${e.platform.id} image: it has ${list}${has.registryError ? ` (its registry could not be read: ${has.registryError})` : ''}.`, `Build and push it for ${e.platform.id} too: docker buildx build --platform ${[...has.has, e.platform.id].join(',')} --push (docker/build-push-action: the platforms input, after docker/setup-qemu-action), or leave ${e.platform.id} out of platforms.`));
        return;
    }
    // The runtime's words when the first word of an exec-form command is no program: Docker ran
    // ". .venv/bin/activate" as a file name.
    const m = find(e.lines, /exec: "([^"]*)": (?:stat [^:]*: no such file or directory|executable file not found in \$PATH)/);
    const program = m?.groups[0] ?? '';
    if (m && /^(\.|source)(\s|$)|&&|\|\||\$\{?[A-Za-z_]|\s/.test(program)) {
        add(diagnosis('exec-form-shell', `Started as its users start it, the image fails: ${quote(m.line)}. Its ${e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'} is exec form, so Docker runs "${program}" as a program, with no shell to understand ". activate", "&&" or "$VARS".`, execFormShell(e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'), e.locate.command(program)));
        return;
    }
    if (matched || (e.stage !== 'start' && e.stage !== 'run'))
        return;
    const lines = decisiveLines(e.lines).map(quote).join(' / ') || '(no output)';
    const how = e.status === 'timed-out'
        ? 'ran out of time'
        : `exited with ${e.exitCode ?? '?'}${e.signal ? ` (${e.signal})` : ''}`;
    if (e.stage === 'start') {
        add(diagnosis('start-failed', `The image's own ${e.image?.entrypoint ? 'ENTRYPOINT' : 'CMD'} (${JSON.stringify([...(e.image?.entrypoint ?? []), ...(e.image?.cmd ?? [])])}) ${how} on ${e.platform.id}. The decisive lines: ${lines}.`, 'Run the image on that platform (docker run --platform ' +
            e.platform.id +
            ' IMAGE) and read its output; a command that should run for good must keep running, one that should finish must exit 0.', e.locate.command(e.image?.entrypoint?.[0] ?? e.image?.cmd?.[0] ?? '')));
    }
    else {
        add(diagnosis('run-failed', `Your command ${JSON.stringify(e.command ?? '')} ${how} on ${e.platform.id}. The decisive lines: ${lines}.`, `Reproduce it with docker run --platform ${e.platform.id} --entrypoint sh IMAGE -c '...'; the image's import and training passed, so the cause is in what the command tests.`));
    }
}
/**
 * The image's ENTRYPOINT itself cannot start: what every `docker run IMAGE` hits. Docker's
 * refusal (`exec: "/e.sh": permission denied`) or the kernel's (`exec /e.sh: no such file or
 * directory`, for a file that is there: its #! interpreter is not, or reads "/bin/sh\r").
 */
function entrypointCauses(e, add) {
    const ep = e.image?.entrypoint ?? [];
    if (ep.length === 0)
        return;
    const m = find(e.lines, /exec:? "?([^"\s:]+)"?: (permission denied|no such file or directory)/);
    if (!m || !ep.includes(m.groups[0]))
        return;
    const file = m.groups[0];
    const denied = m.groups[1] === 'permission denied';
    add(diagnosis('entrypoint-not-runnable', denied
        ? `The ENTRYPOINT ${JSON.stringify(ep)} cannot start on ${e.platform.id}: ${file} is not executable (${quote(m.line)}); every docker run of the image fails so.`
        : `The ENTRYPOINT ${JSON.stringify(ep)} cannot start on ${e.platform.id}: ${quote(m.line)}. For a script that is in the image, this is its #! line: the interpreter it names is not in the image, or the line ends in a carriage return (Windows line endings).`, denied
        ? `Make it executable: COPY --chmod=0755 ... ${file}, or RUN chmod +x ${file} (git keeps the bit: git update-index --chmod=+x).`
        : `Give the script a #! interpreter the image has (#!/bin/sh), and Unix line endings (dos2unix, or * text eol=lf in .gitattributes).`, e.locate.entrypoint));
}

;// CONCATENATED MODULE: ./src/diagnose/install.ts




/** Causes in what the build installs: the base image, pip's refusals, the index, wheels, pins, glibc. */
function installCauses(e, add) {
    runRules(INSTALL_RULES, e, add);
}
const INSTALL_RULES = [
    // base-image-platform-missing before base-image-not-found because a manifest without the
    // platform also fails the metadata load ("#3 ERROR: no match for platform in manifest").
    baseImagePlatformMissing,
    baseImageNotFound,
    externallyManagedEnvironment,
    // index-unreachable before no version found because an unreachable index also says
    // `from versions: none`: pip saw no versions, not no wheels.
    indexUnreachable,
    noVersionFound,
    dependencyConflict,
    sourceBuildFailed,
    glibcTooOld,
];
const PLATFORM_MISSING = /no match for platform in manifest|no matching manifest for (linux\/\S+)/;
const BASE_IMAGE_UNRESOLVED = /failed to resolve source metadata for|manifest unknown|pull access denied for|repository does not exist/;
function baseImagePlatformMissing(e, add) {
    const m = find(e.lines, PLATFORM_MISSING);
    if (!m)
        return;
    const where = e.platform.id;
    add(diagnosis('base-image-platform-missing', `The base image has no ${where} variant: ${quote(m.line)}.`, `Use a multi-arch base image that lists ${where} (docker buildx imagetools inspect <image> shows them).`, e.locate.from));
}
function baseImageNotFound(e, add) {
    const L = e.lines;
    if (find(L, PLATFORM_MISSING))
        return;
    const m = find(L, BASE_IMAGE_UNRESOLVED) ?? metadataError(L);
    if (!m)
        return;
    const image = find(L, /load metadata for (\S+)/)?.groups[0] ??
        find(L, /source metadata for (\S+?):?\s/)?.groups[0];
    add(diagnosis('base-image-not-found', `The base image${image ? ` ${image}` : ''} could not be resolved: ${quote(m.line)}.`, 'Use a tag that exists; official images publish one multi-arch tag per version (e.g. python:3.11-slim), not per-architecture tags.', e.locate.from));
}
function externallyManagedEnvironment(e, add) {
    const m = find(e.lines, /externally-managed-environment/);
    if (!m)
        return;
    add(diagnosis('externally-managed-environment', `pip refused to install into the system Python: ${quote(m.line)}.`, SYSTEM_PYTHON_VENV, e.locate.from));
}
function indexUnreachable(e, add) {
    const m = find(e.lines, INDEX_UNREACHABLE);
    if (!m)
        return;
    add(diagnosis('index-unreachable', `The build could not reach the package index on ${e.platform.id}, so pip (or uv) saw no versions at all: ${quote(m.line)}.`, "Let the build reach the index: the builder's DNS and network (a docker-container builder needs them too), a proxy passed as build arguments (HTTPS_PROXY, NO_PROXY), a TLS-inspecting proxy's CA certificate in the image and trusted by the installer (pip's cert setting; SSL_CERT_FILE for uv, requests and poetry), or the URL of a private index (--index-url)."));
}
/**
 * pip's "Could not find a version that satisfies the requirement". Between the requirement and
 * its versions pip may say where it came from, in any number of groups: `(from mlapp)` for a
 * local project, `(from -r requirements.txt (line 3))`.
 */
const NO_VERSION = /Could not find a version that satisfies the requirement (\S+)(?: \(from (?!versions:)(?:[^()]|\([^()]*\))*\))* \(from versions: ([^)]*)\)/;
/** The first reading that applies decides the diagnosis; the last always applies. */
const NO_VERSION_READINGS = [
    // macos-only-package before musl-base-image because a macOS-only package has no Linux wheel
    // for any libc: on Alpine too, the package is the cause.
    macosOnlyPackage,
    // musl-base-image before no wheel because on Alpine pip sees no wheel of anything compiled
    // (`from versions: none`), and the base image is the one fix.
    muslBaseImage,
    // no wheel before python-version-unsupported because only listed versions (wheels for this
    // platform and Python, none of them the pinned release) point at the pin's Python.
    noWheelForPlatform,
    pythonVersionUnsupported,
    pinUnsatisfiable,
];
function noVersionFound(e, add) {
    if (find(e.lines, INDEX_UNREACHABLE))
        return;
    const m = find(e.lines, NO_VERSION);
    if (!m)
        return;
    const name = requirementName(m.groups[0]);
    const v = {
        spec: m.groups[0],
        name,
        versions: m.groups[1].trim(),
        line: m.line,
        loc: e.locate.requirement(name),
    };
    for (const reading of NO_VERSION_READINGS) {
        const d = reading(v, e);
        if (d) {
            add(d);
            return;
        }
    }
}
function macosOnlyPackage(v) {
    if (v.name !== 'tensorflow-macos' && v.name !== 'tensorflow-metal')
        return null;
    return diagnosis('macos-only-package', `${v.name} has macOS wheels only: ${quote(v.line)}.`, macosOnly(v.name), v.loc);
}
function muslBaseImage(v, e) {
    if (!find(e.lines, /musllinux|ld-musl|Alpine/i))
        return null;
    return diagnosis('musl-base-image', `No musllinux wheel of ${v.name} exists: ${quote(v.line)}.`, glibcBase('3.12'), e.locate.from);
}
function noWheelForPlatform(v, e) {
    if (v.versions !== 'none')
        return null;
    const where = e.platform.id;
    return diagnosis('no-wheel-for-platform', `pip found no ${v.name} wheel for ${where}: ${quote(v.line)}.`, v.name === 'tensorflow-cpu'
        ? 'Install `tensorflow` instead: tensorflow-cpu has never published aarch64 wheels, and `tensorflow` is CPU-only on Linux arm64.'
        : `Use a ${v.name} version with ${where} wheels, or another package.`, v.loc);
}
function pythonVersionUnsupported(v, e) {
    if (!TENSORFLOW_PACKAGES.includes(v.name))
        return null;
    return diagnosis('python-version-unsupported', `The pin ${v.spec} has no wheel for this image's Python on ${e.platform.id}; pip offers only ${v.versions.split(', ').slice(-4).join(', ')}: ${quote(v.line)}.`, 'Use a Python the release supports (see the TensorFlow install matrix) or pin a release that supports this Python.', v.loc);
}
/** Versions listed, none of them fits the pin: the pin is what to change. */
function pinUnsatisfiable(v) {
    return diagnosis('no-wheel-for-platform', `No version of ${v.spec} installs here: ${quote(v.line)}.`, `Relax or change the pin of ${v.name}.`, v.loc);
}
function dependencyConflict(e, add) {
    const L = e.lines;
    const m = find(L, /ResolutionImpossible|conflicting dependencies|Cannot install .* because these package versions have conflicting/);
    if (!m)
        return;
    const culprit = find(L, /The conflict is caused by:|(\S+) depends on (\S+)/);
    add(diagnosis('dependency-conflict', `pip cannot satisfy the pins together: ${quote(m.line)}${culprit ? `; ${quote(culprit.line)}` : ''}.`, 'Drop or relax the pin named in the conflict (often numpy, protobuf or keras next to a tensorflow pin).'));
}
function sourceBuildFailed(e, add) {
    const m = find(e.lines, /Failed building wheel for (\S+)|Failed to build (\S+)|Building wheel for (\S+) .*error|error: command '[^']*gcc' failed|libhdf5\.so: cannot open/);
    if (!m)
        return;
    const where = e.platform.id;
    const name = normalizeName(m.groups.find((g) => g) ?? 'a dependency');
    add(diagnosis('source-build-failed', `pip had no ${where} wheel for ${name} and building it from source failed: ${quote(m.line)}.`, `Pin a ${name} version that ships ${where} wheels (h5py 3.11.0 shipped none for aarch64), or install its build dependencies.`, e.locate.requirement(name)));
}
function glibcTooOld(e, add) {
    const m = find(e.lines, /version `GLIBC_(\d+\.\d+)' not found/);
    if (!m)
        return;
    add(diagnosis('glibc-too-old', `A library needs glibc ${m.groups[0]} but the image has ${e.probe?.glibc ?? 'an older one'}: ${quote(m.line)}.`, 'Use a newer base image (Debian 11+ has glibc 2.31); TensorFlow 2.21 needs glibc 2.27 or newer.', e.locate.from));
}

;// CONCATENATED MODULE: ./src/diagnose/machine.ts




/**
 * BuildKit preparing a step on a cached parent whose snapshot is gone from disk (the engine's
 * metadata survived a stop that its layer directories did not): every build on that parent fails.
 */
const CACHE_CORRUPT = /failed to prepare \S+ as \S+: .*(no such file or directory|does not exist)/;
/** Causes in the machine that ran the stage: the wrong architecture, foreign binaries, time, the engine, QEMU, the CPU, memory. */
function machineCauses(e, add) {
    runRules(MACHINE_RULES, e, add);
}
const MACHINE_RULES = [
    // wrong-architecture first because an image of another architecture fails every way that
    // follows, and the one fix is at its FROM.
    wrongArchitecture,
    foreignBinaries,
    // builder-stalled before timeout because a stalled build timed out too, and the stall says
    // at which step.
    builderStalled,
    builderLost,
    timeout,
    dockerEngineLost,
    buildCacheCorrupt,
    execFormatError,
    emulatorCrash,
    illegalInstruction,
    outOfMemory,
];
function wrongArchitecture(e, add) {
    if (!e.wrongArchitecture)
        return;
    add(diagnosis('wrong-architecture', `${capitalize(e.wrongArchitecture)}. A ${e.platform.id} machine cannot run it natively: it fails there with "exec format error", or runs under an emulator that the check did not prove.`, `Build the final stage for the target platform: drop a fixed --platform from its FROM (FROM --platform=$BUILDPLATFORM or a fixed platform belongs only to stages whose output does not depend on the architecture).`, e.locate.from));
}
function foreignBinaries(e, add) {
    const foreign = e.probe?.foreignBinaries ?? [];
    if (foreign.length === 0)
        return;
    const first = foreign[0];
    const count = e.probe?.foreignCount ?? foreign.length;
    const arches = [...new Set(foreign.map((f) => f.arch ?? 'unknown-architecture'))].join(', ');
    const loadError = find(e.lines, /cannot open shared object file|wrong ELF class|invalid ELF header|cannot execute binary file|No module named '[\w.]*(_multiarray_umath|_pywrap_tensorflow_internal)'|Error importing numpy|numpy C-extensions failed|ImportError: /);
    add(diagnosis('foreign-binaries', `The ${e.platform.id} image holds ${arches} extension modules: ${readCount(count, e.probe?.binariesChecked)} under tensorflow and numpy ${count === 1 ? 'is' : 'are'} ${arches}, e.g. ${first.file}, while the interpreter is ${e.platform.arch}; it cannot load them${loadError ? `: ${quote(loadError.line)}` : ''}.`, 'Install the packages in a stage built for the target platform (no --platform, or --platform=$TARGETPLATFORM), or in the final stage itself; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.'));
}
/**
 * A build stopped in a silence because its builder could not be making progress, or a stage
 * that ran out of time after a silence while the engine still answered: a silent stage on an
 * engine that is gone is the engine's (docker-engine-lost).
 */
function stalledBuild(e) {
    if (e.stalled && e.builder)
        return e.stalled;
    return e.status === 'timed-out' && e.engineReachable !== false ? e.stalled : undefined;
}
/** How to get a builder going again: the engine's own (docker driver), or one made with buildx. */
function restartBuilder(b) {
    const name = b.name;
    return b.driver === 'docker'
        ? 'restart the Docker engine (sudo systemctl restart docker; on a laptop, Docker Desktop)'
        : `restart the builder (docker buildx stop ${name}; the next build starts it again), or remove it and make it again (docker buildx rm ${name}; docker/setup-buildx-action makes a fresh one in every job)`;
}
function builderStalled(e, add) {
    const stalled = stalledBuild(e);
    if (!stalled)
        return;
    const step = stalled.step;
    if (e.builder) {
        add(diagnosis('builder-stalled', `The ${e.stage} on ${e.platform.id} printed nothing for ${formatDuration(stalled.silentMs)}${step ? `, while at ${quote(step)}` : ''}, and then the builder '${e.builder.name}' ${e.builder.down}, while the Docker engine answered. A builder in that state makes no progress, so the check stopped the build there instead of waiting out timeout-minutes (${e.timeoutMinutes}). Nothing about the image can be concluded from this run.`, `Get the builder going, then run again: ${restartBuilder(e.builder)}. A paused BuildKit container is unpaused with docker unpause; one that keeps wedging is often short of memory (docker stats on its container).`));
        return;
    }
    add(diagnosis('builder-stalled', `The ${e.stage} on ${e.platform.id} printed nothing for its last ${formatDuration(stalled.silentMs)}${step ? `, while at ${quote(step)}` : ''}, until timeout-minutes (${e.timeoutMinutes}) ended it; the Docker engine still answered. Either the builder is wedged (every build then sits at its first step, "load build definition") or that step waits on something that never comes.`, 'Run a plain docker build of the project: if it hangs too, the builder is wedged; restart the Docker engine (sudo systemctl restart docker), or the builder (docker buildx stop NAME; a docker-container builder can be removed and created again). If only this step hangs, make it stop waiting: a prompt (apt-get -y, DEBIAN_FRONTEND=noninteractive), a lock, a network the build cannot reach.'));
}
/** A build that failed because its BuildKit went away under it: nothing about the image is known. */
function builderLost(e, add) {
    if (!e.builder || e.stalled || e.engineReachable === false)
        return;
    const line = find(e.lines, ENGINE_LOST) ?? find(e.lines, /^ERROR: /);
    add(diagnosis('builder-lost', `The ${e.stage} on ${e.platform.id} failed because the builder '${e.builder.name}' ${e.builder.down}${line ? `: ${quote(line.line)}` : ''}. The Docker engine answered throughout; BuildKit itself stopped. Nothing about the image can be concluded from this run.`, `Run again: ${restartBuilder(e.builder)}. If its container was killed for memory, give the runner more memory or build fewer platforms at once (max-parallel: 1), since a TensorFlow install can use several GB.`));
}
function timeout(e, add) {
    if (e.status !== 'timed-out' || stalledBuild(e))
        return;
    const where = e.platform.id;
    add(diagnosis('timeout', `The ${e.stage} stage on ${where} did not finish within timeout-minutes (${e.timeoutMinutes})${e.emulated ? '; it ran under QEMU, which is 10-25 times slower than native' : ''}.`, e.emulated
        ? `Raise timeout-minutes, or check ${where} on a native runner (ubuntu-24.04-arm for linux/arm64).`
        : 'Raise timeout-minutes, or find what hangs in the log.'));
}
function dockerEngineLost(e, add) {
    // The engine answered, and the builder is what went away (builder-lost says so).
    if (e.builder && e.engineReachable !== false)
        return;
    const m = find(e.lines, ENGINE_LOST);
    if (!m && e.engineReachable !== false)
        return;
    add(diagnosis('docker-engine-lost', `The Docker engine stopped answering during the ${e.stage} stage on ${e.platform.id}${m ? `: ${quote(m.line)}` : ''}${e.engineReachable === false ? '; it still does not answer' : ''}. Nothing about the image can be concluded from this run.`, 'Find why the engine stopped (its log: journalctl -u docker; an out-of-memory kill of dockerd; a restart by another job), then run the check again. On a shared machine, give the check a runner of its own.'));
}
function buildCacheCorrupt(e, add) {
    const m = find(e.lines, CACHE_CORRUPT);
    if (!m)
        return;
    add(diagnosis('build-cache-corrupt', `The builder's cache on this machine is damaged: a cached step's layer is gone from the engine's disk (${quote(m.line)}). Nothing about the image can be concluded from this build.`, 'Empty the build cache and run the check again: docker builder prune -af (for a docker-container builder, docker buildx prune -af --builder NAME). It follows a machine or an engine that went down while it wrote; on a self-hosted runner, clear the cache after such a stop.'));
}
function execFormatError(e, add) {
    const m = find(e.lines, /exec format error/i);
    if (!m)
        return;
    add(diagnosis('exec-format-error', `${e.platform.id} binaries could not run on this ${e.emulated ? 'machine' : 'runner'}: ${quote(m.line)}. No QEMU handler for the architecture is registered.`, `Before the check, ${registerQemu(e.platform.arch)}, leave setup-qemu at auto, or use a native runner.`));
}
function emulatorCrash(e, add) {
    const m = find(e.lines, /qemu: uncaught target signal|qemu: unhandled CPU exception|qemu-[a-z0-9_]+: .*(Segmentation fault|Aborted)/);
    if (!m)
        return;
    add(diagnosis('emulator-crash', `QEMU itself crashed emulating ${e.platform.id}: ${quote(m.line)}.`, 'Run again (emulator crashes are often flaky); pin a known-good binfmt image with qemu-image; or check this platform on a native runner.'));
}
function illegalInstruction(e, add) {
    const sigill = find(e.lines, /Illegal instruction|compiled to use (AVX|SSE|FMA)/);
    if (e.signal !== 'SIGILL' && !sigill)
        return;
    const where = e.platform.id;
    const line = sigill?.line;
    // amd64 under emulation (an arm64 engine: Apple Silicon, Graviton): the emulator's CPU, not
    // the image, is what failed; the same image may run on every amd64 server.
    const emulatedAmd64 = e.emulated && e.platform.arch === 'amd64';
    add(diagnosis('illegal-instruction', emulatedAmd64
        ? `The process died with SIGILL on ${where}, which ran emulated on an arm64 engine${line ? `: ${quote(line)}` : ''}. TensorFlow's x86-64 build uses AVX, which this emulator does not provide; this says nothing about amd64 servers, whose CPUs have it.`
        : `The process died with SIGILL on ${where}${line ? `: ${quote(line)}` : ''}. The binary uses CPU instructions (often AVX) this CPU${e.emulated ? ' or emulator' : ''} lacks.`, emulatedAmd64
        ? 'Check linux/amd64 on an x86-64 machine or runner (ubuntu-24.04), and linux/arm64 here, natively; do not ship or debug amd64 TensorFlow under emulation on an arm64 machine.'
        : `Use official tensorflow wheels for this architecture; never run amd64 TensorFlow under emulation on Apple Silicon; on old x86 CPUs use a build without AVX.`));
}
function outOfMemory(e, add) {
    const oom = find(e.lines, /MemoryError|Cannot allocate memory|std::bad_alloc|out of memory/i);
    if (!e.oomKilled && !oom)
        return;
    const line = oom?.line;
    add(diagnosis('out-of-memory', `${e.oomKilled ? 'The container was OOM-killed' : 'The process ran out of memory'} on ${e.platform.id}${line ? `: ${quote(line)}` : ''}.`, 'Raise the memory input (or the runner size), or reduce the work done at import time.'));
}
/**
 * An emulated platform the engine cannot run (no QEMU handler, and none could be registered),
 * known before anything is built or run: what it would have failed with, and how to get one.
 */
function noEmulator(platform, why) {
    return diagnosis('exec-format-error', `${why}. Without it, ${platform.id} binaries fail with "exec format error".`, `To run ${platform.id}: ${registerQemu(platform.arch)}, keep setup-qemu at auto, or use a native runner.`);
}

;// CONCATENATED MODULE: ./src/diagnose/keras.ts




// Causes that show when the training step reaches Keras: the backend Keras 3 is told to use,
// Keras 2 asked for through TensorFlow's switch, a Keras of another generation than TensorFlow.
// The variables are those of the process that ran (the image's ENV, or what its ENTRYPOINT
// exported); the Dockerfile line is the ENV that sets them, where the Dockerfile has one.
/** Keras 3's backends, by the module each imports first. */
const BACKEND_MODULE = {
    torch: 'torch',
    jax: 'jax',
    numpy: 'scipy',
    openvino: 'openvino',
};
function kerasCauses(e, add) {
    const L = e.lines;
    const backend = (e.variables?.KERAS_BACKEND ?? '').trim();
    const at = e.locate.env('KERAS_BACKEND');
    const setBy = at ? ` (ENV at ${fileLine(at)})` : ' (from the environment of the process)';
    let m;
    if ((m = find(L, /Unable to import backend : (\S*)/))) {
        add(diagnosis('keras-backend-invalid', `KERAS_BACKEND=${m.groups[0] || backend}${backend ? setBy : ''} names no Keras 3 backend, so Keras cannot load: ${quote(m.line)}. A ~/.keras/keras.json left from Keras 2 ("backend": "theano", "mxnet") does the same.`, KERAS_BACKEND_INVALID, at));
    }
    else if ((m = find(L, /No module named '(torch|jax|jaxlib|scipy|openvino)'/)) &&
        (backend !== '' || find(L, /Keras cannot be imported/))) {
        const module = m.groups[0];
        const named = backend || Object.keys(BACKEND_MODULE).find((k) => BACKEND_MODULE[k] === module);
        add(diagnosis('keras-backend-missing', `KERAS_BACKEND=${named}${backend ? setBy : ''} makes Keras 3 load ${module}, which the image does not have, so tf.keras cannot be used: ${quote(m.line)}.`, kerasBackendMissing(module === 'jax' || module === 'jaxlib' ? 'jax' : module), at));
    }
    if ((m = find(L, /TF_USE_LEGACY_KERAS set to True, but you do not have the tf_keras package/))) {
        const legacy = e.locate.env('TF_USE_LEGACY_KERAS');
        add(diagnosis('tf-keras-missing', `TF_USE_LEGACY_KERAS=${e.variables?.TF_USE_LEGACY_KERAS ?? '1'}${legacy ? ` (ENV at ${fileLine(legacy)})` : ''} makes tf.keras Keras 2, from the tf-keras package, which is not installed: ${quote(m.line)}.`, TF_KERAS_MISSING, legacy ?? e.locate.requirement('tensorflow')));
    }
    if ((m = find(L, /has no attribute 'register_load_context_function'|No module named 'keras\.api'/))) {
        add(diagnosis('keras-version-mismatch', `The installed keras is of another generation than TensorFlow: ${quote(m.line)}. TensorFlow 2.16 and newer need Keras 3; TensorFlow 2.15 and older need the Keras 2 of their own minor version.`, 'Drop the keras pin and let tensorflow choose it, or pin keras>=3 for tensorflow>=2.16 (keras==2.X.* for tensorflow 2.X up to 2.15).', e.locate.requirement('keras') ?? e.locate.requirement('tensorflow')));
    }
}

;// CONCATENATED MODULE: ./src/diagnose/runtime.ts



/** Causes that show when TensorFlow is imported: NumPy and protobuf ABIs, no python, no tensorflow where python looks. */
function runtimeCauses(e, add) {
    const L = e.lines;
    let m;
    if ((m = find(L, /compiled using NumPy 1\.x cannot be run in|_ARRAY_API not found|numpy\.core\.multiarray failed to import|numpy\.dtype size changed/))) {
        add(diagnosis('numpy-abi-mismatch', `TensorFlow's compiled modules were built against NumPy 1 but NumPy 2 is installed: ${quote(m.line)}.`, 'Pin numpy<2 next to tensorflow (TensorFlow <= 2.17 needs it), or upgrade to tensorflow>=2.18, built against NumPy 2.', e.locate.requirement('tensorflow') ?? e.locate.requirement('numpy')));
    }
    if ((m = find(L, /Descriptors cannot be created directly|cannot import name '(builder|runtime_version)' from 'google\.protobuf/))) {
        add(diagnosis('protobuf-incompatible', `The installed protobuf does not match TensorFlow's generated code: ${quote(m.line)}.`, 'Remove your protobuf pin, or pin the protobuf range TensorFlow declares (pip show tensorflow lists it).', e.locate.requirement('protobuf')));
    }
    if ((m = find(L, /neither python nor python3 is on the image PATH/))) {
        add(diagnosis('tensorflow-not-installed', `The image has no python on its PATH: ${quote(m.line)}.`, 'Start FROM a python image (python:3.12-slim), or install Python and TensorFlow, or set the python input to the interpreter.', e.locate.from));
    }
    if ((m = find(L, /No module named '?tensorflow'?/))) {
        const dirs = e.probe?.tensorflowDirs ?? [];
        const inVenv = dirs.find((d) => e.probe?.venvs.some((v) => d.startsWith(v + '/')));
        if (inVenv) {
            const venv = e.probe.venvs.find((v) => inVenv.startsWith(v + '/'));
            add(diagnosis('venv-not-on-path', `${quote(m.line)}, yet TensorFlow is installed at ${inVenv}: in the venv ${venv}, which the image's python (${e.probe?.prefix ?? 'the system one'}) does not use; PATH is ${e.probe?.path ?? 'unset'}.`, venvOnPath(venv)));
        }
        else if (dirs.length > 0) {
            add(diagnosis('venv-not-on-path', `${quote(m.line)}, yet TensorFlow is installed at ${dirs[0]}, outside the import path of the image's python (${e.probe?.prefix ?? '?'}).`, `Run the interpreter that owns ${dirs[0]} (put its bin directory first on PATH), or install TensorFlow for the image's python.`));
        }
        else {
            add(diagnosis('tensorflow-not-installed', `${quote(m.line)}, and no tensorflow package exists anywhere in the image's usual locations.`, 'Install it in the image (RUN pip install tensorflow==2.21.0 or through requirements.txt), in the stage that ends up in the final image.', e.locate.requirement('tensorflow')));
        }
    }
}

;// CONCATENATED MODULE: ./src/diagnose/gpu.ts


// GPU causes: the runner cannot give a container GPUs, the host's driver is older than the
// image's CUDA, TensorFlow is no CUDA build, a library it opens is missing, a variable hides
// the devices; and, when nothing else explains it, TensorFlow trained on the CPU. The log lines
// are Docker's and TensorFlow's own (the README's Diagnoses table says where each comes from);
// the facts are what the smoke script found in the container.
/** Docker without the NVIDIA runtime (or CDI spec) on the host: the container never starts. */
const NO_GPU_DRIVER = /could not select device driver "[^"]*" with capabilities: \[\[gpu\]\]/;
const NO_CDI_DEVICE = /CDI device injection failed: unresolvable CDI devices? (.+)/;
/** The host's driver older than the CUDA runtime: CUDA's own words and the toolkit's check. */
const DRIVER_TOO_OLD = /CUDA driver version is insufficient for CUDA runtime version|CUDA_ERROR_SYSTEM_DRIVER_MISMATCH|unsatisfied condition: cuda ?>= ?[0-9.]+|please update your driver to a newer version|kernel version \S+ does not match DSO version|CUDA version is \S+ which is older than the PTX compiler version/;
/** TensorFlow when its GPU libraries do not load (it then registers no GPU). */
const CANNOT_DLOPEN = /Cannot dlopen some GPU libraries/;
const DLOPEN_FAILED = /Could not load dynamic library '([^']+)'/;
const TOOLKIT_FIX = 'Run this check on a runner with an NVIDIA GPU and the NVIDIA Container Toolkit configured for Docker (`nvidia-ctk runtime configure --runtime=docker`, then restart dockerd; for CDI names, `nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`). On CPU runners leave gpus off: gpu-ready says whether the image could use a GPU.';
/**
 * Only where GPUs were asked of the check (gpus, or gpu-ready: required and not ready): a CPU
 * image's failure is no GPU matter, and old TensorFlow logs its failed CUDA loads on any CPU.
 */
function gpuCauses(e, add) {
    if (e.gpu)
        runRules(GPU_RULES, e, add);
}
// The runtime first: without it the container never ran, and nothing else was seen. The facts
// next, from the most basic (no CUDA build) to the most particular; gpu-not-used last.
const GPU_RULES = [
    runtimeMissing,
    driverTooOld,
    notCudaBuild,
    librariesMissing,
    devicesHidden,
    notUsed,
];
function runtimeMissing(e, add) {
    const m = find(e.lines, NO_GPU_DRIVER) ?? find(e.lines, NO_CDI_DEVICE);
    if (!m)
        return;
    add(diagnosis('gpu-runtime-missing', `Docker could not give the container the GPUs asked for on ${e.platform.id}: ${quote(m.line)}. This runner has no NVIDIA GPU, or its Docker engine has no NVIDIA runtime${NO_CDI_DEVICE.test(m.line) ? ' (no CDI specification names that device)' : ''}.`, TOOLKIT_FIX));
}
function driverTooOld(e, add) {
    const m = find(e.lines, DRIVER_TOO_OLD);
    if (!m)
        return;
    const cuda = e.gpu?.build?.cudaVersion;
    add(diagnosis('cuda-driver-too-old', `The host's NVIDIA driver does not support the CUDA runtime of the image${cuda ? ` (TensorFlow was built with CUDA ${cuda})` : ''}: ${quote(m.line)}.`, `Update the runner's NVIDIA driver to one that supports CUDA ${cuda ?? 'of the image'} (nvidia-smi shows the highest CUDA version a driver supports), or pin a TensorFlow built with an older CUDA.`));
}
function notCudaBuild(e, add) {
    const build = e.gpu?.build;
    if (!build || build.cuda)
        return;
    const arm = e.platform.arch === 'arm64';
    add(diagnosis('tensorflow-not-cuda-build', `TensorFlow in this ${e.platform.id} image says it is no CUDA build (tf.sysconfig.get_build_info(): is_cuda_build False): it can only run on the CPU.${arm ? " TensorFlow's linux/aarch64 wheels on the package index are CPU builds." : ''}`, arm
        ? 'No TensorFlow wheel for linux/arm64 uses a GPU: check GPU training on linux/amd64, or use a TensorFlow build made for arm64 GPU servers (such as NVIDIA’s NGC TensorFlow container) as the base.'
        : 'Install `tensorflow[and-cuda]` (the CUDA build with its CUDA libraries) instead of `tensorflow-cpu`, or a CUDA-enabled TensorFlow image as the base.', e.locate.requirement('tensorflow-cpu') ?? e.locate.requirement('tensorflow')));
}
function librariesMissing(e, add) {
    const libs = e.gpu?.readiness?.libraries ?? [];
    const missing = libs.filter((l) => l.path === null);
    const logged = find(e.lines, DLOPEN_FAILED) ?? find(e.lines, CANNOT_DLOPEN);
    if (missing.length === 0 && !logged)
        return;
    const named = missing.map((l) => `${l.soname ?? l.name}${l.error ? ` (${l.error})` : ''}`);
    const cuda = e.gpu?.build?.cudaVersion;
    add(diagnosis('cuda-libraries-missing', `TensorFlow${cuda ? ` (built with CUDA ${cuda}, cuDNN ${e.gpu?.build?.cudnnVersion ?? '?'})` : ''} needs libraries the image cannot load: ${named.length > 0 ? named.join('; ') : quote(logged.line)}. Without them TensorFlow registers no GPU and runs on the CPU.`, 'Install TensorFlow with its CUDA libraries, `pip install "tensorflow[and-cuda]"` (the nvidia-* wheels TensorFlow loads them from), or build on a CUDA base image that has cuDNN (an nvidia/cuda `-cudnn-runtime` tag of the CUDA major TensorFlow names).', e.locate.requirement('tensorflow')));
}
function devicesHidden(e, add) {
    const hidden = e.gpu?.readiness?.hiddenBy;
    if (!hidden)
        return;
    add(diagnosis('gpu-devices-hidden', `${hidden.name}=${JSON.stringify(hidden.value)} in the image's environment hides every GPU from TensorFlow: it lists none and runs on the CPU.`, `Drop that ENV from the Dockerfile (set ${hidden.name} at run time where a CPU run is wanted).`, e.locate.env(hidden.name)));
}
function notUsed(e, add) {
    if (e.stage !== 'gpu' || e.status !== 'failed' || !e.gpu?.problem)
        return;
    const said = find(e.lines, /failed call to cuInit|Could not find cuda drivers|no CUDA-capable device/);
    add(diagnosis('gpu-not-used', `The GPU check on ${e.platform.id} is not proven: ${e.gpu.problem}.${said ? ` TensorFlow said: ${quote(said.line)}.` : ''}`, 'Check that the runner has a GPU TensorFlow supports (nvidia-smi on the runner), that gpus names devices that exist, and that the image is a CUDA build with its libraries (gpu-ready: report says which is missing).'));
}

;// CONCATENATED MODULE: ./src/diagnose/classify.ts








// After a stage fails: from the evidence (its log, exit code and signal, the image probe) to
// one or more diagnoses, most likely first. Each quotes the line it keys on. A diagnosis
// explains a failure; it never turns one into a pass. Nothing recognised: `unknown`, with the
// decisive lines.
function classify(e) {
    const out = [];
    const add = (d) => {
        if (!out.some((x) => x.id === d.id))
            out.push(d);
    };
    // GPU causes first, where GPUs were asked for: without the runtime the container never ran,
    // and nothing else was seen.
    gpuCauses(e, add);
    machineCauses(e, add);
    installCauses(e, add);
    runtimeCauses(e, add);
    kerasCauses(e, add);
    entrypointCauses(e, add);
    commandCauses(e, add, out.some((d) => d.id !== 'timeout'));
    const L = e.lines;
    const where = e.platform.id;
    if (out.length === 0 ||
        (out.length === 1 && out[0].id === 'timeout' && e.status !== 'timed-out')) {
        const lines = decisiveLines(L);
        add(diagnosis('unknown', `No known cause matched the ${e.stage} failure on ${where}${e.exitCode !== null ? ` (exit code ${e.exitCode}${e.signal ? `, ${e.signal}` : ''})` : ''}. The decisive lines: ${lines.map(quote).join(' / ') || '(no output)'}.`, 'Read the log tail below; if it is a TensorFlow-on-arm64 failure we should know, report it with the log.'));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/explain.ts

/** A catalogue flag of a diagnosis id (an id not in the catalogue has none). */
function flagged(flag) {
    return (d) => CATALOG[d.id]?.[flag] === true;
}
const proven = flagged('proven');
const generic = flagged('generic');
const root = flagged('root');
/** A finding about a build that succeeds all the same: said, never failing anything. */
const isAdvisory = flagged('advisory');
/**
 * A platform's diagnoses: what its failure evidence says, sharpened by the static findings of
 * the same id (they know the file, the line and the precise fix), then the findings that concern
 * this platform alone. `unknown` stays only when nothing else explains the failure. The
 * advisory findings of the platform come last, after whatever explains it.
 */
function explain(classified, findings, platform) {
    const out = causes(classified, findings, platform);
    for (const f of findings.filter((x) => x.platform === platform && isAdvisory(x.diagnosis))) {
        if (!out.some((d) => d.id === f.diagnosis.id))
            out.push(f.diagnosis);
    }
    return out;
}
/** What explains the platform's outcome, without its advisory findings. */
function causes(classified, findings, platform) {
    const statics = findings
        .filter((f) => f.platform === null || f.platform === platform)
        .map((f) => f.diagnosis);
    const out = classified.map((c) => {
        const s = statics.find((x) => x.id === c.id);
        return s
            ? {
                ...c,
                // What ran proves the fault; the Dockerfile line that causes it is the other half.
                ...(proven(c) ? { detail: `${c.detail} ${s.detail}` } : {}),
                fix: s.fix,
                ...(s.file ? { file: s.file } : {}),
                ...(s.line ? { line: s.line } : {}),
            }
            : c;
    });
    for (const f of findings.filter((x) => x.platform === platform && !isAdvisory(x.diagnosis))) {
        if (!out.some((d) => d.id === f.diagnosis.id))
            out.push(f.diagnosis);
    }
    // A root cause the Dockerfile shows (Alpine, a macOS-only package) comes before what the log
    // shows only generically ("no version found", "no module named tensorflow").
    if (out.length > 0 && out.every(generic)) {
        const roots = statics.filter((d) => root(d) && !out.some((x) => x.id === d.id));
        out.unshift(...roots);
    }
    if (out.length > 1) {
        const rest = out.filter((d) => d.id !== 'unknown');
        if (rest.length > 0) {
            // Static findings for every platform explain an otherwise unrecognised failure.
            return rest;
        }
    }
    if (out.length === 1 && out[0].id === 'unknown') {
        // Nothing in the log matched, but a static finding for every platform explains a failure of
        // this kind: it leads, and the unknown keeps the decisive lines after it.
        const relevant = statics.filter(root);
        if (relevant.length > 0)
            return [...relevant, out[0]];
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/paths.ts



/** A file as reports show it: relative to the base when inside it, else its absolute path. */
function showPath(base, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(base, path);
    return rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? path : rel;
}
/** The base of the shown paths (see ProjectPaths.base). */
function baseFor(cwd, contextPath) {
    const rel = (0,external_node_path_namespaceObject.relative)(cwd, contextPath);
    return rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? contextPath : cwd;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function kindOf(path) {
    try {
        const s = (0,external_node_fs_namespaceObject.statSync)(path);
        return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    }
    catch {
        return 'missing';
    }
}
/**
 * Resolves the context and the Dockerfile; `file` is relative to the working directory, as in
 * docker/build-push-action. With `optional` (an existing image is checked, nothing is built), a
 * missing default Dockerfile is no error: the paths are then empty and the static analysis has
 * nothing to read. A file named explicitly must exist either way.
 */
function resolveContext(context, file, cwd, optional = false) {
    const ctx = context.trim() || '.';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || ctx.startsWith('git@')) {
        throw new InputError('context', `'${ctx}' is a URL; check out the repository first (actions/checkout) and pass a directory`);
    }
    const contextPath = (0,external_node_path_namespaceObject.resolve)(cwd, ctx);
    if (!isDirectory(contextPath)) {
        throw new InputError('context', `'${ctx}' is not a directory (looked in ${showPath(cwd, contextPath)}); pass the folder that holds the Dockerfile, e.g. .`);
    }
    // join, not resolve: contextPath is absolute already, and ncc's asset relocator would read
    // resolve(x, 'Dockerfile') as a file of this package and rewrite it (vercel/ncc#477).
    const dockerfilePath = file.trim() === '' ? (0,external_node_path_namespaceObject.join)(contextPath, 'Dockerfile') : (0,external_node_path_namespaceObject.resolve)(cwd, file.trim());
    const base = baseFor(cwd, contextPath);
    const shown = showPath(base, dockerfilePath);
    const kind = kindOf(dockerfilePath);
    if (kind === 'missing' && optional && file.trim() === '')
        return { context: ctx, contextPath, dockerfile: '', dockerfilePath: '', base };
    if (kind === 'missing') {
        throw new InputError('file', `no Dockerfile at '${shown}'; set file to the Dockerfile's path (relative to the repository root), or add one to the context`);
    }
    if (kind !== 'file') {
        throw new InputError('file', `'${shown}' is a ${kind === 'directory' ? 'directory' : 'special file'}, not a Dockerfile; point file at the Dockerfile itself`);
    }
    return { context: ctx, contextPath, dockerfile: shown, dockerfilePath, base };
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(390);
;// CONCATENATED MODULE: ./src/lint/text.ts
// The Dockerfile's words as BuildKit reads them: ARG expansion, what a --platform pins, paths
// against WORKDIR, and the file a requirements path names in the build context.
function expand(text, vars) {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, def, b) => {
        const k = a ?? b;
        return vars.get(k) ?? def ?? '';
    });
}
const BUILD_PLATFORM = /^\$\{?BUILDPLATFORM\}?$/;
const PER_TARGET = /\$\{?TARGET(PLATFORM|OS|ARCH|VARIANT)\}?/;
function pinOf(flag, vars) {
    if (flag === null)
        return null;
    if (BUILD_PLATFORM.test(flag))
        return 'build';
    if (PER_TARGET.test(flag))
        return 'target';
    const value = expand(flag, vars);
    // An ARG with no value here: its value comes from the build, and nothing can be said.
    return value === '' || value.includes('$') ? 'target' : { fixed: value };
}
/** An instruction as written, its continuation lines joined: for quoting in a message. */
function oneLine(text) {
    return text
        .replace(/\\\r?\n\s*/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
function absolutize(path, workdir) {
    const p = path.replace(/\/+$/, '');
    if (p.startsWith('/'))
        return p;
    return `${workdir.replace(/\/+$/, '')}/${p.replace(/^\.\//, '')}`;
}
/**
 * Where a requirements file given to pip in the image comes from in the build context: most
 * Dockerfiles COPY it under its own name; the name relative to WORKDIR is the best guess.
 */
function contextPathOf(path) {
    return path.replace(/^\.\//, '').replace(/^\/(app|src|code|workspace|usr\/src\/app)\//, '');
}

;// CONCATENATED MODULE: ./src/lint/records.ts


function contextCopy(ins, file, line, stageIndex, workdir) {
    const flags = ins instanceof main.ModifiableInstruction ? ins.getFlags() : [];
    const words = ins
        .getArguments()
        .map((a) => a.getValue())
        .filter((a) => !a.startsWith('--'));
    const dest = words.at(-1);
    if (words.length < 2 || dest === undefined)
        return null;
    return {
        file,
        line,
        sources: words.slice(0, -1),
        // `.` and `./` are WORKDIR itself, a directory.
        dest: dest.endsWith('/') || dest === '.'
            ? `${absolutize(dest.replace(/^\.\/?$/, ''), workdir).replace(/\/+$/, '')}/`
            : absolutize(dest, workdir),
        stageIndex,
        chmod: flags.find((f) => f.getName() === 'chmod')?.getValue() ?? null,
    };
}
/** The variables an ENV instruction sets (both forms: ENV A=1 B=2, and ENV A 1). */
function envSettings(ins, file, line, stageIndex) {
    if (!(ins instanceof main.Env))
        return [];
    return ins.getProperties().flatMap((p) => {
        const name = p.getName();
        return name ? [{ file, line, name, value: p.getValue() ?? '', stageIndex }] : [];
    });
}

;// CONCATENATED MODULE: ./src/lint/pip.ts

// Reading a RUN's shell text: its simple commands and words, the pip (or uv pip) installs among
// them, and PEP 508 requirements.
/** Splits a shell word list roughly as sh does, keeping quotes' contents together. */
function shellWords(text) {
    const words = [];
    let cur = '';
    let quote = null;
    let any = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = null;
            else
                cur += c;
            continue;
        }
        if (c === '"' || c === "'") {
            quote = c;
            any = true;
        }
        else if (/\s/.test(c)) {
            if (cur || any)
                words.push(cur);
            cur = '';
            any = false;
        }
        else
            cur += c;
    }
    if (cur || any)
        words.push(cur);
    return words;
}
/** Splits a RUN's shell text into simple commands at && || ; | and newlines. */
function shellCommands(text) {
    return text
        .replace(/\\\r?\n/g, ' ')
        .split(/&&|\|\||;|\||\n/)
        .map((s) => s.trim())
        .filter(Boolean);
}
const PIP_OPTIONS_WITH_VALUE = new Set([
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '--trusted-host',
    '-t',
    '--target',
    '--prefix',
    '--root',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--progress-bar',
    '--cache-dir',
    '--src',
    '--upgrade-strategy',
    '--only-binary',
    '--no-binary',
    '--config-settings',
    '-C',
    '--global-option',
    '--report',
    '--log',
    '--timeout',
    '--retries',
    '--proxy',
    '--cert',
    '--client-cert',
]);
/** The venv a pip binary belongs to: /opt/venv/bin/pip -> /opt/venv. */
function venvOfBinary(bin) {
    const m = /^(.*)\/bin\/(pip3?(\.\d+)?|python3?(\.\d+)?)$/.exec(bin);
    if (!m || m[1] === '/usr' || m[1] === '/usr/local' || m[1] === '')
        return null;
    return m[1];
}
/** Recognises pip install in one simple command: pip, pip3, python -m pip, <venv>/bin/pip, uv pip. */
function parsePipInstall(command) {
    const w = shellWords(command).filter((x) => !/^[A-Z_][A-Z0-9_]*=/.test(x)); // drop VAR=value prefixes
    let i = 0;
    let venv = null;
    const viaPath = w[0] !== 'uv' && !(w[0] ?? '').includes('/');
    if (w[i] === 'uv' && w[i + 1] === 'pip')
        i += 2;
    else if (/(^|\/)python3?(\.\d+)?$/.test(w[i] ?? '') && w[i + 1] === '-m' && w[i + 2] === 'pip') {
        venv = venvOfBinary(w[i]);
        i += 3;
    }
    else if (/(^|\/)pip3?(\.\d+)?$/.test(w[i] ?? '')) {
        venv = venvOfBinary(w[i]);
        i += 1;
    }
    else
        return null;
    if (w[i] !== 'install')
        return null;
    const call = {
        venv,
        viaPath,
        breakSystem: false,
        noDeps: false,
        specs: [],
        requirementFiles: [],
        constraintFiles: [],
    };
    for (i++; i < w.length; i++) {
        const a = w[i];
        if (a === '-r' || a === '--requirement')
            call.requirementFiles.push(w[++i] ?? '');
        else if (a.startsWith('--requirement='))
            call.requirementFiles.push(a.slice(14));
        else if (a.startsWith('-r') && a.length > 2)
            call.requirementFiles.push(a.slice(2));
        else if (a === '-c' || a === '--constraint')
            call.constraintFiles.push(w[++i] ?? '');
        else if (a.startsWith('--constraint='))
            call.constraintFiles.push(a.slice(13));
        else if (a === '--break-system-packages')
            call.breakSystem = true;
        else if (a === '--no-deps')
            call.noDeps = true;
        else if (a.startsWith('--editable='))
            call.specs.push(a.slice(11));
        else if (PIP_OPTIONS_WITH_VALUE.has(a))
            i++;
        else if (a.startsWith('-'))
            continue;
        else
            call.specs.push(a);
    }
    return call;
}
const REQ = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(?:;\s*(.*))?$/;
/**
 * Parses one PEP 508 requirement: name, extras, specifier, marker; null for a comment, an option, a
 * URL, a path or a direct reference (name @ url). Kept by hand: the one PEP 508 parser on npm
 * rejects `===` and the `--hash` options pip-compile writes, and brings a grammar engine.
 */
function parseRequirement(text) {
    // pip's per-requirement options (--hash=..., pip-compile's) and a comment after whitespace.
    const t = text
        .replace(/(^|\s+)#.*$/, '')
        .replace(/\s+--[a-z-]+(=\S*|\s+[^-\s]\S*)?/g, '')
        .trim();
    if (t === '' || t.startsWith('-') || t.startsWith('.') || t.startsWith('/'))
        return null;
    const m = REQ.exec(t);
    if (!m || /^@|:\/\//.test(m[3] ?? ''))
        return null;
    return {
        name: normalizeName(m[1]),
        // PEP 685: extras compare normalised, as names do (And_CUDA is and-cuda).
        extras: (m[2] ?? '')
            .slice(1, -1)
            .split(',')
            .map((e) => normalizeName(e.trim()))
            .filter(Boolean),
        // PEP 508 also allows the specifier in parentheses: name (>=1.0).
        specifier: (m[3] ?? '').replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1'),
        marker: (m[4] ?? '').trim(),
    };
}

;// CONCATENATED MODULE: ./node_modules/toml-eslint-parser/lib/chunk-15K8U1wQ.mjs
//#region rolldown:runtime
var __defProp = Object.defineProperty;
var __exportAll = (all, symbols) => {
	let target = {};
	for (var name in all) {
		__defProp(target, name, {
			get: all[name],
			enumerable: true
		});
	}
	if (symbols) {
		__defProp(target, Symbol.toStringTag, { value: "Module" });
	}
	return target;
};

//#endregion

;// CONCATENATED MODULE: ./node_modules/eslint-visitor-keys/lib/visitor-keys.js
/* eslint-disable jsdoc/valid-types -- doesn't allow `readonly`.
   TODO: remove eslint-disable when https://github.com/jsdoc-type-pratt-parser/jsdoc-type-pratt-parser/issues/164 is fixed
*/
/**
 * @typedef {{ readonly [type: string]: ReadonlyArray<string> }} VisitorKeys
 */
/* eslint-enable jsdoc/valid-types -- doesn't allow `readonly string[]`. TODO: check why */

/**
 * @type {VisitorKeys}
 */
const visitor_keys_KEYS = {
	ArrayExpression: ["elements"],
	ArrayPattern: ["elements"],
	ArrowFunctionExpression: ["params", "body"],
	AssignmentExpression: ["left", "right"],
	AssignmentPattern: ["left", "right"],
	AwaitExpression: ["argument"],
	BinaryExpression: ["left", "right"],
	BlockStatement: ["body"],
	BreakStatement: ["label"],
	CallExpression: ["callee", "arguments"],
	CatchClause: ["param", "body"],
	ChainExpression: ["expression"],
	ClassBody: ["body"],
	ClassDeclaration: ["id", "superClass", "body"],
	ClassExpression: ["id", "superClass", "body"],
	ConditionalExpression: ["test", "consequent", "alternate"],
	ContinueStatement: ["label"],
	DebuggerStatement: [],
	DoWhileStatement: ["body", "test"],
	EmptyStatement: [],
	ExperimentalRestProperty: ["argument"],
	ExperimentalSpreadProperty: ["argument"],
	ExportAllDeclaration: ["exported", "source", "attributes"],
	ExportDefaultDeclaration: ["declaration"],
	ExportNamedDeclaration: [
		"declaration",
		"specifiers",
		"source",
		"attributes",
	],
	ExportSpecifier: ["local", "exported"],
	ExpressionStatement: ["expression"],
	ForInStatement: ["left", "right", "body"],
	ForOfStatement: ["left", "right", "body"],
	ForStatement: ["init", "test", "update", "body"],
	FunctionDeclaration: ["id", "params", "body"],
	FunctionExpression: ["id", "params", "body"],
	Identifier: [],
	IfStatement: ["test", "consequent", "alternate"],
	ImportAttribute: ["key", "value"],
	ImportDeclaration: ["specifiers", "source", "attributes"],
	ImportDefaultSpecifier: ["local"],
	ImportExpression: ["source", "options"],
	ImportNamespaceSpecifier: ["local"],
	ImportSpecifier: ["imported", "local"],
	JSXAttribute: ["name", "value"],
	JSXClosingElement: ["name"],
	JSXClosingFragment: [],
	JSXElement: ["openingElement", "children", "closingElement"],
	JSXEmptyExpression: [],
	JSXExpressionContainer: ["expression"],
	JSXFragment: ["openingFragment", "children", "closingFragment"],
	JSXIdentifier: [],
	JSXMemberExpression: ["object", "property"],
	JSXNamespacedName: ["namespace", "name"],
	JSXOpeningElement: ["name", "attributes"],
	JSXOpeningFragment: [],
	JSXSpreadAttribute: ["argument"],
	JSXSpreadChild: ["expression"],
	JSXText: [],
	LabeledStatement: ["label", "body"],
	Literal: [],
	LogicalExpression: ["left", "right"],
	MemberExpression: ["object", "property"],
	MetaProperty: ["meta", "property"],
	MethodDefinition: ["key", "value"],
	NewExpression: ["callee", "arguments"],
	ObjectExpression: ["properties"],
	ObjectPattern: ["properties"],
	PrivateIdentifier: [],
	Program: ["body"],
	Property: ["key", "value"],
	PropertyDefinition: ["key", "value"],
	RestElement: ["argument"],
	ReturnStatement: ["argument"],
	SequenceExpression: ["expressions"],
	SpreadElement: ["argument"],
	StaticBlock: ["body"],
	Super: [],
	SwitchCase: ["test", "consequent"],
	SwitchStatement: ["discriminant", "cases"],
	TaggedTemplateExpression: ["tag", "quasi"],
	TemplateElement: [],
	TemplateLiteral: ["quasis", "expressions"],
	ThisExpression: [],
	ThrowStatement: ["argument"],
	TryStatement: ["block", "handler", "finalizer"],
	UnaryExpression: ["argument"],
	UpdateExpression: ["argument"],
	VariableDeclaration: ["declarations"],
	VariableDeclarator: ["id", "init"],
	WhileStatement: ["test", "body"],
	WithStatement: ["object", "body"],
	YieldExpression: ["argument"],
};

// Types.
const NODE_TYPES = Object.keys(visitor_keys_KEYS);

// Freeze the keys.
for (const type of NODE_TYPES) {
	Object.freeze(visitor_keys_KEYS[type]);
}
Object.freeze(visitor_keys_KEYS);

/* harmony default export */ const visitor_keys = (visitor_keys_KEYS);

;// CONCATENATED MODULE: ./node_modules/eslint-visitor-keys/lib/index.js
/**
 * @author Toru Nagashima <https://github.com/mysticatea>
 * See LICENSE file in root directory for full license.
 */


/**
 * @typedef {import('./visitor-keys.js').VisitorKeys} VisitorKeys
 */

// List to ignore keys.
const KEY_BLACKLIST = new Set([
	"parent",
	"leadingComments",
	"trailingComments",
]);

/**
 * Check whether a given key should be used or not.
 * @param {string} key The key to check.
 * @returns {boolean} `true` if the key should be used.
 */
function filterKey(key) {
	return !KEY_BLACKLIST.has(key) && key[0] !== "_";
}

/* eslint-disable jsdoc/valid-types -- doesn't allow `readonly`.
   TODO: remove eslint-disable when https://github.com/jsdoc-type-pratt-parser/jsdoc-type-pratt-parser/issues/164 is fixed
*/
/**
 * Get visitor keys of a given node.
 * @param {Object} node The AST node to get keys.
 * @returns {readonly string[]} Visitor keys of the node.
 */
function getKeys(node) {
	return Object.keys(node).filter(filterKey);
}
/* eslint-enable jsdoc/valid-types -- doesn't allow `readonly` */

/**
 * Make the union set with `KEYS` and given keys.
 * @param {VisitorKeys} additionalKeys The additional keys.
 * @returns {VisitorKeys} The union set.
 */
function unionWith(additionalKeys) {
	const retv =
		/** @type {{ [type: string]: ReadonlyArray<string> }} */
		(Object.assign({}, visitor_keys));

	for (const type of Object.keys(additionalKeys)) {
		if (Object.hasOwn(retv, type)) {
			const keys = new Set(additionalKeys[type]);

			for (const key of retv[type]) {
				keys.add(key);
			}

			retv[type] = Object.freeze(Array.from(keys));
		} else {
			retv[type] = Object.freeze(Array.from(additionalKeys[type]));
		}
	}

	return Object.freeze(retv);
}



;// CONCATENATED MODULE: ./node_modules/toml-eslint-parser/lib/index.mjs



//#region src/internal-utils/index.ts
/**
* Get the last element from given array
*/
function last(arr) {
	return arr[arr.length - 1] ?? null;
}
/**
* Node to key name
*/
function toKeyName(node) {
	return node.type === "TOMLBare" ? node.name : node.value;
}

//#endregion
//#region src/parser-options.ts
var TOMLVerImpl = class {
	constructor(major, minor) {
		this.major = major;
		this.minor = minor;
	}
	lt(major, minor) {
		return this.major < major || this.major === major && this.minor < minor;
	}
	gte(major, minor) {
		return this.major > major || this.major === major && this.minor >= minor;
	}
};
const TOML_VERSION_1_0 = new TOMLVerImpl(1, 0);
const TOML_VERSION_1_1 = new TOMLVerImpl(1, 1);
const DEFAULT_TOML_VERSION = TOML_VERSION_1_1;
const SUPPORTED_TOML_VERSIONS = {
	"1.0": TOML_VERSION_1_0,
	"1.0.0": TOML_VERSION_1_0,
	"1.1": TOML_VERSION_1_1,
	"1.1.0": TOML_VERSION_1_1,
	latest: TOML_VERSION_1_1,
	next: TOML_VERSION_1_1
};
/**
* Get TOML version object from given TOML version string.
*/
function getTOMLVer(v) {
	return v && SUPPORTED_TOML_VERSIONS[v] || DEFAULT_TOML_VERSION;
}

//#endregion
//#region src/errors.ts
const MESSAGES = {
	"unterminated-string": "Unterminated string constant",
	"unterminated-table-key": "Unterminated table-key",
	"unterminated-array": "Unterminated array",
	"unterminated-inline-table": "Unterminated inline table",
	"missing-key": "Empty bare keys are not allowed",
	"missing-newline": "Must be a newline",
	"missing-equals-sign": "Expected equal (=) token",
	"missing-value": "Unspecified values are invalid",
	"missing-comma": "Expected comma (,) token",
	"dupe-keys": "Defining a key multiple times is invalid",
	"unexpected-char": "Unexpected character",
	"unexpected-token": "Unexpected token",
	"invalid-control-character": "Control characters (codes < 0x1f and 0x7f) are not allowed",
	"invalid-comment-character": "Invalid code point {{cp}} within comments",
	"invalid-key-value-newline": "The key, equals sign, and value must be on the same line",
	"invalid-inline-table-newline": "No newlines are allowed between the curly braces unless they are valid within a value",
	"invalid-underscore": "Underscores are allowed between digits",
	"invalid-space": "Unexpected spaces",
	"invalid-three-quotes": "Three or more quotes are not permitted",
	"invalid-date": "Unexpected invalid date",
	"invalid-time": "Unexpected invalid time",
	"invalid-leading-zero": "Leading zeros are not allowed",
	"invalid-trailing-comma-in-inline-table": "Trailing comma is not permitted in an inline table",
	"invalid-char-in-escape-sequence": "Invalid character in escape sequence",
	"invalid-consecutive-dots-in-key": "Consecutive dots are not permitted in keys",
	"invalid-code-point": "Invalid code point {{cp}}",
	"invalid-trailing-dot-in-key": "Keys cannot end with a dot",
	"invalid-leading-dot-in-key": "Keys cannot start with a dot"
};
/**
* Get message from error code
*/
function getMessage(code, data) {
	if (data) return MESSAGES[code].replace(/\{\{(.*?)\}\}/gu, (_, name$2) => {
		if (name$2 in data) return data[name$2];
		return `{{${name$2}}}`;
	});
	return MESSAGES[code];
}
/**
* TOML parse errors.
*/
var ParseError = class extends SyntaxError {
	/**
	* Initialize this ParseError instance.
	*
	*/
	constructor(code, offset, line, column, data) {
		super(getMessage(code, data));
		this.index = offset;
		this.lineNumber = line;
		this.column = column;
	}
};

//#endregion
//#region src/tokenizer/code-point.ts
const CodePoint = {
	EOF: -1,
	NULL: 0,
	SOH: 1,
	BACKSPACE: 8,
	TABULATION: 9,
	LINE_FEED: 10,
	FORM_FEED: 12,
	CARRIAGE_RETURN: 13,
	ESCAPE: 27,
	SO: 14,
	US: 31,
	SPACE: 32,
	QUOTATION_MARK: 34,
	HASH: 35,
	SINGLE_QUOTE: 39,
	PLUS_SIGN: 43,
	COMMA: 44,
	DASH: 45,
	DOT: 46,
	DIGIT_0: 48,
	DIGIT_1: 49,
	DIGIT_2: 50,
	DIGIT_3: 51,
	DIGIT_7: 55,
	DIGIT_9: 57,
	COLON: 58,
	EQUALS_SIGN: 61,
	LATIN_CAPITAL_A: 65,
	LATIN_CAPITAL_E: 69,
	LATIN_CAPITAL_F: 70,
	LATIN_CAPITAL_T: 84,
	LATIN_CAPITAL_U: 85,
	LATIN_CAPITAL_Z: 90,
	LEFT_BRACKET: 91,
	BACKSLASH: 92,
	RIGHT_BRACKET: 93,
	UNDERSCORE: 95,
	LATIN_SMALL_A: 97,
	LATIN_SMALL_B: 98,
	LATIN_SMALL_E: 101,
	LATIN_SMALL_F: 102,
	LATIN_SMALL_I: 105,
	LATIN_SMALL_L: 108,
	LATIN_SMALL_N: 110,
	LATIN_SMALL_O: 111,
	LATIN_SMALL_R: 114,
	LATIN_SMALL_S: 115,
	LATIN_SMALL_T: 116,
	LATIN_SMALL_U: 117,
	LATIN_SMALL_X: 120,
	LATIN_SMALL_Z: 122,
	LEFT_BRACE: 123,
	RIGHT_BRACE: 125,
	TILDE: 126,
	DELETE: 127,
	PAD: 128,
	SUPERSCRIPT_TWO: 178,
	SUPERSCRIPT_THREE: 179,
	SUPERSCRIPT_ONE: 185,
	VULGAR_FRACTION_ONE_QUARTER: 188,
	VULGAR_FRACTION_THREE_QUARTERS: 190,
	LATIN_CAPITAL_LETTER_A_WITH_GRAVE: 192,
	LATIN_CAPITAL_LETTER_O_WITH_DIAERESIS: 214,
	LATIN_CAPITAL_LETTER_O_WITH_STROKE: 216,
	LATIN_SMALL_LETTER_O_WITH_DIAERESIS: 246,
	LATIN_SMALL_LETTER_O_WITH_STROKE: 248,
	GREEK_SMALL_REVERSED_DOTTED_LUNATE_SIGMA_SYMBOL: 891,
	GREEK_CAPITAL_LETTER_YOT: 895,
	CP_1FFF: 8191,
	ZERO_WIDTH_NON_JOINER: 8204,
	ZERO_WIDTH_JOINER: 8205,
	UNDERTIE: 8255,
	CHARACTER_TIE: 8256,
	SUPERSCRIPT_ZERO: 8304,
	CP_218F: 8591,
	CIRCLED_DIGIT_ONE: 9312,
	NEGATIVE_CIRCLED_DIGIT_ZERO: 9471,
	GLAGOLITIC_CAPITAL_LETTER_AZU: 11264,
	CP_2FEF: 12271,
	IDEOGRAPHIC_COMMA: 12289,
	CP_D7FF: 55295,
	CP_E000: 57344,
	CJK_COMPATIBILITY_IDEOGRAPH_F900: 63744,
	ARABIC_LIGATURE_SALAAMUHU_ALAYNAA: 64975,
	ARABIC_LIGATURE_SALLA_USED_AS_KORANIC_STOP_SIGN_ISOLATED_FORM: 65008,
	REPLACEMENT_CHARACTER: 65533,
	LINEAR_B_SYLLABLE_B008_A: 65536,
	CP_EFFFF: 983039,
	CP_10FFFF: 1114111
};
/**
* Check whether the code point is a control character.
*/
function isControl(cp) {
	return cp >= CodePoint.NULL && cp <= CodePoint.US;
}
/**
* Check whether the code point is a whitespace.
*/
function isWhitespace(cp) {
	return cp === CodePoint.TABULATION || cp === CodePoint.SPACE;
}
/**
* Check whether the code point is a end of line.
*/
function isEOL(cp) {
	return cp === CodePoint.LINE_FEED || cp === CodePoint.CARRIAGE_RETURN;
}
/**
* Check whether the code point is an uppercase letter character.
*/
function isUpperLetter(cp) {
	return cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_Z;
}
/**
* Check whether the code point is a lowercase letter character.
*/
function isLowerLetter(cp) {
	return cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_Z;
}
/**
* Check whether the code point is a letter character.
*/
function isLetter(cp) {
	return isLowerLetter(cp) || isUpperLetter(cp);
}
/**
* Check whether the code point is a digit character.
*/
function isDigit(cp) {
	return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_9;
}
/**
* Check whether the code point is a hex digit character.
*/
function isHexDig(cp) {
	return isDigit(cp) || cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_F || cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_F;
}
/**
* Check whether the code point is a octal digit character.
*/
function isOctalDig(cp) {
	return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_7;
}
/**
* Check whether the code point is valid code point.
*
* see
* - https://unicode.org/glossary/#unicode_scalar_value
* - https://toml.io/en/v1.0.0#string
*/
function isUnicodeScalarValue(cp) {
	return cp >= 0 && cp <= 55295 || cp >= 57344 && cp <= 1114111;
}

//#endregion
//#region src/tokenizer/locs.ts
/**
* Find the last index of the array that is less than or equal to the value.
*/
function sortedLastIndex(array, value) {
	let low = 0;
	let high = array.length;
	while (low < high) {
		const mid = low + high >>> 1;
		const val = array[mid];
		if (val === value) return mid + 1;
		if (val < value) low = mid + 1;
		else high = mid;
	}
	return low;
}
/**
* A class for getting lines and columns location.
*/
var Locations = class {
	constructor() {
		this.offsets = [];
	}
	addOffset(offset) {
		for (let i = this.offsets.length - 1; i >= 0; i--) {
			const element = this.offsets[i];
			if (element === offset) return;
			if (element < offset) break;
		}
		this.offsets.push(offset);
	}
	/**
	* Calculate the location of the given index.
	* @param index The index to calculate their location.
	* @returns The location of the index.
	*/
	getLocFromIndex(offset) {
		const line = sortedLastIndex(this.offsets, offset) + 1;
		return {
			line,
			column: offset - (line === 1 ? 0 : this.offsets[line - 2])
		};
	}
};

//#endregion
//#region src/tokenizer/code-point-iterator.ts
var CodePointIterator = class {
	/**
	* Initialize this char iterator.
	*/
	constructor(text) {
		this.locs = new Locations();
		this.lastCodePoint = CodePoint.NULL;
		this.start = -1;
		this.end = 0;
		this.text = text;
	}
	next() {
		if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
		return this.lastCodePoint = this.moveAt(this.end);
	}
	getLocFromIndex(index) {
		return this.locs.getLocFromIndex(index);
	}
	eat(cp) {
		if (this.text.codePointAt(this.end) === cp) {
			this.next();
			return true;
		}
		return false;
	}
	moveAt(offset) {
		this.start = this.end = offset;
		const cp = this.text.codePointAt(this.start) ?? CodePoint.EOF;
		if (cp === CodePoint.EOF) {
			this.end = this.start;
			return cp;
		}
		this.end += cp >= 65536 ? 2 : 1;
		if (cp === CodePoint.LINE_FEED) this.locs.addOffset(this.end);
		else if (cp === CodePoint.CARRIAGE_RETURN) {
			if (this.text.codePointAt(this.end) === CodePoint.LINE_FEED) {
				this.end++;
				this.locs.addOffset(this.end);
			}
			return CodePoint.LINE_FEED;
		}
		return cp;
	}
};

//#endregion
//#region src/tokenizer/tokenizer.ts
const HAS_BIGINT = typeof BigInt !== "undefined";
const RADIX_PREFIXES = {
	16: "0x",
	10: "",
	8: "0o",
	2: "0b"
};
const ESCAPES_1_0 = {
	[CodePoint.QUOTATION_MARK]: CodePoint.QUOTATION_MARK,
	[CodePoint.BACKSLASH]: CodePoint.BACKSLASH,
	[CodePoint.LATIN_SMALL_B]: CodePoint.BACKSPACE,
	[CodePoint.LATIN_SMALL_F]: CodePoint.FORM_FEED,
	[CodePoint.LATIN_SMALL_N]: CodePoint.LINE_FEED,
	[CodePoint.LATIN_SMALL_R]: CodePoint.CARRIAGE_RETURN,
	[CodePoint.LATIN_SMALL_T]: CodePoint.TABULATION
};
const ESCAPES_LATEST = {
	...ESCAPES_1_0,
	[CodePoint.LATIN_SMALL_E]: CodePoint.ESCAPE
};
/**
* Tokenizer for TOML.
*/
var Tokenizer = class {
	/**
	* Initialize this tokenizer.
	*/
	constructor(text, parserOptions) {
		this.backCode = false;
		this.lastCodePoint = CodePoint.NULL;
		this.state = "DATA";
		this.token = null;
		this.tokenStart = -1;
		this.valuesEnabled = false;
		this.text = text;
		this.parserOptions = parserOptions || {};
		this.codePointIterator = new CodePointIterator(text);
		this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
		this.ESCAPES = this.tomlVersion.gte(1, 1) ? ESCAPES_LATEST : ESCAPES_1_0;
	}
	get start() {
		return this.codePointIterator.start;
	}
	get end() {
		return this.codePointIterator.end;
	}
	getLocFromIndex(index) {
		return this.codePointIterator.getLocFromIndex(index);
	}
	/**
	* Report an invalid character error.
	*/
	reportParseError(code, data) {
		const offset = this.codePointIterator.start;
		const loc = this.codePointIterator.getLocFromIndex(offset);
		throw new ParseError(code, offset, loc.line, loc.column, data);
	}
	/**
	* Get the next token.
	*/
	nextToken() {
		let token = this.token;
		if (token != null) {
			this.token = null;
			return token;
		}
		let cp = this.lastCodePoint;
		while (cp !== CodePoint.EOF && !this.token) {
			cp = this.nextCode();
			const nextState = this[this.state](cp);
			if (!nextState) throw new Error(`Unknown error: pre state=${this.state}`);
			this.state = nextState;
		}
		token = this.token;
		this.token = null;
		return token;
	}
	/**
	* Get the next code point.
	*/
	nextCode() {
		if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
		if (this.backCode) {
			this.backCode = false;
			return this.lastCodePoint;
		}
		return this.lastCodePoint = this.codePointIterator.next();
	}
	/**
	* Eat the next code point.
	*/
	eatCode(cp) {
		if (this.lastCodePoint === CodePoint.EOF) return false;
		if (this.backCode) {
			if (this.lastCodePoint === cp) {
				this.backCode = false;
				return true;
			}
			return false;
		}
		return this.codePointIterator.eat(cp);
	}
	/**
	* Moves the character position to the given position.
	*/
	moveAt(loc) {
		if (this.backCode) this.backCode = false;
		this.lastCodePoint = this.codePointIterator.moveAt(loc);
	}
	/**
	* Back the current code point as the given state.
	*/
	back(state) {
		this.backCode = true;
		return state;
	}
	punctuatorToken() {
		this.startToken();
		this.endToken("Punctuator", "end");
	}
	startToken() {
		this.tokenStart = this.codePointIterator.start;
	}
	/**
	* Commit the current token.
	*/
	endToken(type, pos, option1, option2) {
		const { tokenStart } = this;
		const end = this.codePointIterator[pos];
		const range = [tokenStart, end];
		const loc = {
			start: this.codePointIterator.getLocFromIndex(tokenStart),
			end: this.codePointIterator.getLocFromIndex(end)
		};
		if (type === "Block") this.token = {
			type,
			value: this.text.slice(tokenStart + 1, end),
			range,
			loc
		};
		else {
			let token;
			const value = this.text.slice(tokenStart, end);
			if (type === "BasicString" || type === "LiteralString" || type === "MultiLineBasicString" || type === "MultiLineLiteralString") token = {
				type,
				value,
				string: option1,
				range,
				loc
			};
			else if (type === "Integer") {
				const text = option1;
				token = {
					type,
					value,
					number: parseInt(text, option2),
					bigint: HAS_BIGINT ? BigInt(RADIX_PREFIXES[option2] + text) : null,
					range,
					loc
				};
			} else if (type === "Float") token = {
				type,
				value,
				number: option1,
				range,
				loc
			};
			else if (type === "Boolean") token = {
				type,
				value,
				boolean: option1,
				range,
				loc
			};
			else if (type === "LocalDate" || type === "LocalTime" || type === "LocalDateTime" || type === "OffsetDateTime") token = {
				type,
				value,
				date: option1,
				range,
				loc
			};
			else token = {
				type,
				value,
				range,
				loc
			};
			this.token = token;
		}
	}
	DATA(cp) {
		while (isWhitespace(cp) || isEOL(cp)) cp = this.nextCode();
		if (cp === CodePoint.HASH) {
			this.startToken();
			return "COMMENT";
		}
		if (cp === CodePoint.QUOTATION_MARK) {
			this.startToken();
			return "BASIC_STRING";
		}
		if (cp === CodePoint.SINGLE_QUOTE) {
			this.startToken();
			return "LITERAL_STRING";
		}
		if (cp === CodePoint.DOT || cp === CodePoint.EQUALS_SIGN || cp === CodePoint.LEFT_BRACKET || cp === CodePoint.RIGHT_BRACKET || cp === CodePoint.LEFT_BRACE || cp === CodePoint.RIGHT_BRACE || cp === CodePoint.COMMA) {
			this.punctuatorToken();
			return "DATA";
		}
		if (this.valuesEnabled) {
			if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
				this.startToken();
				return "SIGN";
			}
			if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) {
				this.startToken();
				return this.back("NAN_OR_INF");
			}
			if (isDigit(cp)) {
				this.startToken();
				return this.back("NUMBER");
			}
			if (cp === CodePoint.LATIN_SMALL_T || cp === CodePoint.LATIN_SMALL_F) {
				this.startToken();
				return this.back("BOOLEAN");
			}
		} else if (isUnquotedKeyChar(cp, this.tomlVersion)) {
			this.startToken();
			return "BARE";
		}
		if (cp === CodePoint.EOF) return "DATA";
		return this.reportParseError("unexpected-char");
	}
	COMMENT(cp) {
		const processCommentChar = this.tomlVersion.gte(1, 1) ? (c) => {
			if (!isNonEOL(c)) this.reportParseError("invalid-comment-character", { cp: JSON.stringify(String.fromCodePoint(c)).slice(1, -1) });
		} : (c) => {
			if (isControlOtherThanTab(c)) this.reportParseErrorControlChar();
		};
		while (!isEOL(cp) && cp !== CodePoint.EOF) {
			processCommentChar(cp);
			cp = this.nextCode();
		}
		this.endToken("Block", "start");
		return "DATA";
	}
	BARE(cp) {
		while (isUnquotedKeyChar(cp, this.tomlVersion)) cp = this.nextCode();
		this.endToken("Bare", "start");
		return this.back("DATA");
	}
	BASIC_STRING(cp) {
		if (cp === CodePoint.QUOTATION_MARK) {
			cp = this.nextCode();
			if (cp === CodePoint.QUOTATION_MARK) return "MULTI_LINE_BASIC_STRING";
			this.endToken("BasicString", "start", "");
			return this.back("DATA");
		}
		const out = [];
		while (cp !== CodePoint.QUOTATION_MARK && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
			if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.BACKSLASH) {
				cp = this.nextCode();
				const ecp = this.ESCAPES[cp];
				if (ecp) {
					out.push(ecp);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_U) {
					const code = this.parseUnicode(4);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_CAPITAL_U) {
					const code = this.parseUnicode(8);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
					const code = this.parseUnicode(2);
					out.push(code);
					cp = this.nextCode();
					continue;
				}
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			out.push(cp);
			cp = this.nextCode();
		}
		if (cp !== CodePoint.QUOTATION_MARK) return this.reportParseError("unterminated-string");
		this.endToken("BasicString", "end", String.fromCodePoint(...out));
		return "DATA";
	}
	MULTI_LINE_BASIC_STRING(cp) {
		const out = [];
		if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
		while (cp !== CodePoint.EOF) {
			if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.QUOTATION_MARK) {
				const startPos = this.codePointIterator.start;
				if (this.eatCode(CodePoint.QUOTATION_MARK) && this.eatCode(CodePoint.QUOTATION_MARK)) {
					if (this.eatCode(CodePoint.QUOTATION_MARK)) {
						out.push(CodePoint.QUOTATION_MARK);
						if (this.eatCode(CodePoint.QUOTATION_MARK)) {
							out.push(CodePoint.QUOTATION_MARK);
							if (this.eatCode(CodePoint.QUOTATION_MARK)) {
								this.moveAt(startPos);
								return this.reportParseError("invalid-three-quotes");
							}
						}
					}
					this.endToken("MultiLineBasicString", "end", String.fromCodePoint(...out));
					return "DATA";
				}
				this.moveAt(startPos);
			}
			if (cp === CodePoint.BACKSLASH) {
				cp = this.nextCode();
				const ecp = this.ESCAPES[cp];
				if (ecp) {
					out.push(ecp);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_U) {
					const code = this.parseUnicode(4);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_CAPITAL_U) {
					const code = this.parseUnicode(8);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
					const code = this.parseUnicode(2);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LINE_FEED) {
					cp = this.nextCode();
					while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
					continue;
				} else if (isWhitespace(cp)) {
					let valid = true;
					const startPos = this.codePointIterator.start;
					let nextCp;
					while ((nextCp = this.nextCode()) !== CodePoint.EOF) {
						if (nextCp === CodePoint.LINE_FEED) break;
						if (!isWhitespace(nextCp)) {
							this.moveAt(startPos);
							valid = false;
							break;
						}
					}
					if (valid) {
						cp = this.nextCode();
						while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
						continue;
					}
				}
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			out.push(cp);
			cp = this.nextCode();
		}
		return this.reportParseError("unterminated-string");
	}
	LITERAL_STRING(cp) {
		if (cp === CodePoint.SINGLE_QUOTE) {
			cp = this.nextCode();
			if (cp === CodePoint.SINGLE_QUOTE) return "MULTI_LINE_LITERAL_STRING";
			this.endToken("LiteralString", "start", "");
			return this.back("DATA");
		}
		const out = [];
		while (cp !== CodePoint.SINGLE_QUOTE && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
			if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			out.push(cp);
			cp = this.nextCode();
		}
		if (cp !== CodePoint.SINGLE_QUOTE) return this.reportParseError("unterminated-string");
		this.endToken("LiteralString", "end", String.fromCodePoint(...out));
		return "DATA";
	}
	MULTI_LINE_LITERAL_STRING(cp) {
		const out = [];
		if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
		while (cp !== CodePoint.EOF) {
			if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.SINGLE_QUOTE) {
				const startPos = this.codePointIterator.start;
				if (this.eatCode(CodePoint.SINGLE_QUOTE) && this.eatCode(CodePoint.SINGLE_QUOTE)) {
					if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
						out.push(CodePoint.SINGLE_QUOTE);
						if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
							out.push(CodePoint.SINGLE_QUOTE);
							if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
								this.moveAt(startPos);
								return this.reportParseError("invalid-three-quotes");
							}
						}
					}
					this.endToken("MultiLineLiteralString", "end", String.fromCodePoint(...out));
					return "DATA";
				}
				this.moveAt(startPos);
			}
			out.push(cp);
			cp = this.nextCode();
		}
		return this.reportParseError("unterminated-string");
	}
	SIGN(cp) {
		if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) return this.back("NAN_OR_INF");
		if (isDigit(cp)) return this.back("NUMBER");
		return this.reportParseError("unexpected-char");
	}
	NAN_OR_INF(cp) {
		if (cp === CodePoint.LATIN_SMALL_N) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_N)) {
				this.endToken("Float", "end", NaN);
				return "DATA";
			}
			this.moveAt(startPos);
		} else if (cp === CodePoint.LATIN_SMALL_I) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_N) && this.eatCode(CodePoint.LATIN_SMALL_F)) {
				this.endToken("Float", "end", this.text[this.tokenStart] === "-" ? -Infinity : Infinity);
				return "DATA";
			}
			this.moveAt(startPos);
		}
		return this.reportParseError("unexpected-char");
	}
	NUMBER(cp) {
		const start = this.text[this.tokenStart];
		const sign = start === "+" ? CodePoint.PLUS_SIGN : start === "-" ? CodePoint.DASH : CodePoint.NULL;
		if (cp === CodePoint.DIGIT_0) {
			if (sign === CodePoint.NULL) {
				const startPos = this.codePointIterator.start;
				const nextCp$1 = this.nextCode();
				if (isDigit(nextCp$1)) {
					const nextNextCp = this.nextCode();
					if (nextNextCp === CodePoint.COLON) {
						this.data = {
							hasDate: false,
							year: 0,
							month: 0,
							day: 0,
							hour: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1)),
							minute: 0,
							second: 0
						};
						return "TIME_MINUTE";
					}
					if (isDigit(nextNextCp)) {
						const nextNextNextCp = this.nextCode();
						if (isDigit(nextNextNextCp) && this.eatCode(CodePoint.DASH)) {
							this.data = {
								hasDate: true,
								year: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1, nextNextCp, nextNextNextCp)),
								month: 0,
								day: 0,
								hour: 0,
								minute: 0,
								second: 0
							};
							return "DATE_MONTH";
						}
					}
					this.moveAt(startPos);
					return this.reportParseError("invalid-leading-zero");
				}
				this.moveAt(startPos);
			}
			cp = this.nextCode();
			if (cp === CodePoint.LATIN_SMALL_X || cp === CodePoint.LATIN_SMALL_O || cp === CodePoint.LATIN_SMALL_B) {
				if (sign !== CodePoint.NULL) return this.reportParseError("unexpected-char");
				return cp === CodePoint.LATIN_SMALL_X ? "HEX" : cp === CodePoint.LATIN_SMALL_O ? "OCTAL" : "BINARY";
			}
			if (cp === CodePoint.LATIN_SMALL_E || cp === CodePoint.LATIN_CAPITAL_E) {
				this.data = {
					minus: sign === CodePoint.DASH,
					left: [CodePoint.DIGIT_0]
				};
				return "EXPONENT_RIGHT";
			}
			if (cp === CodePoint.DOT) {
				this.data = {
					minus: sign === CodePoint.DASH,
					absInt: [CodePoint.DIGIT_0]
				};
				return "FRACTIONAL_RIGHT";
			}
			this.endToken("Integer", "start", "0", 10);
			return this.back("DATA");
		}
		const { out, nextCp, hasUnderscore } = this.parseDigits(cp, isDigit);
		if (nextCp === CodePoint.DASH && sign === CodePoint.NULL && !hasUnderscore && out.length === 4) {
			this.data = {
				hasDate: true,
				year: Number(String.fromCodePoint(...out)),
				month: 0,
				day: 0,
				hour: 0,
				minute: 0,
				second: 0
			};
			return "DATE_MONTH";
		}
		if (nextCp === CodePoint.COLON && sign === CodePoint.NULL && !hasUnderscore && out.length === 2) {
			this.data = {
				hasDate: false,
				year: 0,
				month: 0,
				day: 0,
				hour: Number(String.fromCodePoint(...out)),
				minute: 0,
				second: 0
			};
			return "TIME_MINUTE";
		}
		if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
			this.data = {
				minus: sign === CodePoint.DASH,
				left: out
			};
			return "EXPONENT_RIGHT";
		}
		if (nextCp === CodePoint.DOT) {
			this.data = {
				minus: sign === CodePoint.DASH,
				absInt: out
			};
			return "FRACTIONAL_RIGHT";
		}
		this.endToken("Integer", "start", sign === CodePoint.DASH ? String.fromCodePoint(CodePoint.DASH, ...out) : String.fromCodePoint(...out), 10);
		return this.back("DATA");
	}
	HEX(cp) {
		const { out } = this.parseDigits(cp, isHexDig);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 16);
		return this.back("DATA");
	}
	OCTAL(cp) {
		const { out } = this.parseDigits(cp, isOctalDig);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 8);
		return this.back("DATA");
	}
	BINARY(cp) {
		const { out } = this.parseDigits(cp, (c) => c === CodePoint.DIGIT_0 || c === CodePoint.DIGIT_1);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 2);
		return this.back("DATA");
	}
	FRACTIONAL_RIGHT(cp) {
		const { minus, absInt } = this.data;
		const { out, nextCp } = this.parseDigits(cp, isDigit);
		const absNum = [
			...absInt,
			CodePoint.DOT,
			...out
		];
		if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
			this.data = {
				minus,
				left: absNum
			};
			return "EXPONENT_RIGHT";
		}
		const value = Number(minus ? String.fromCodePoint(CodePoint.DASH, ...absNum) : String.fromCodePoint(...absNum));
		this.endToken("Float", "start", value);
		return this.back("DATA");
	}
	EXPONENT_RIGHT(cp) {
		const { left, minus: leftMinus } = this.data;
		let minus = false;
		if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
			minus = cp === CodePoint.DASH;
			cp = this.nextCode();
		}
		const { out } = this.parseDigits(cp, isDigit);
		const right = out;
		if (minus) right.unshift(CodePoint.DASH);
		const value = Number(leftMinus ? String.fromCodePoint(CodePoint.DASH, ...left, CodePoint.LATIN_SMALL_E, ...right) : String.fromCodePoint(...left, CodePoint.LATIN_SMALL_E, ...right));
		this.endToken("Float", "start", value);
		return this.back("DATA");
	}
	BOOLEAN(cp) {
		if (cp === CodePoint.LATIN_SMALL_T) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_R) && this.eatCode(CodePoint.LATIN_SMALL_U) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
				this.endToken("Boolean", "end", true);
				return "DATA";
			}
			this.moveAt(startPos);
		} else if (cp === CodePoint.LATIN_SMALL_F) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_L) && this.eatCode(CodePoint.LATIN_SMALL_S) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
				this.endToken("Boolean", "end", false);
				return "DATA";
			}
			this.moveAt(startPos);
		}
		return this.reportParseError("unexpected-char");
	}
	DATE_MONTH(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.DASH) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.start;
		const data = this.data;
		data.month = Number(this.text.slice(start, end));
		return "DATE_DAY";
	}
	DATE_DAY(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.day = Number(this.text.slice(start, end));
		if (!isValidDate(data.year, data.month, data.day)) return this.reportParseError("invalid-date");
		cp = this.nextCode();
		if (cp === CodePoint.LATIN_CAPITAL_T || cp === CodePoint.LATIN_SMALL_T) return "TIME_HOUR";
		if (cp === CodePoint.SPACE) {
			const startPos = this.codePointIterator.start;
			if (isDigit(this.nextCode()) && isDigit(this.nextCode())) {
				this.moveAt(startPos);
				return "TIME_HOUR";
			}
			this.moveAt(startPos);
		}
		const dateValue = getDateFromDateTimeData(data, "");
		this.endToken("LocalDate", "start", dateValue);
		return this.back("DATA");
	}
	TIME_HOUR(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.start;
		const data = this.data;
		data.hour = Number(this.text.slice(start, end));
		return "TIME_MINUTE";
	}
	TIME_MINUTE(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.minute = Number(this.text.slice(start, end));
		cp = this.nextCode();
		if (cp === CodePoint.COLON) return "TIME_SECOND";
		if (this.tomlVersion.lt(1, 1)) return this.reportParseError("unexpected-char");
		if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
		return this.processTimeEnd(cp, data);
	}
	TIME_SECOND(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.second = Number(this.text.slice(start, end));
		if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
		cp = this.nextCode();
		if (cp === CodePoint.DOT) return "TIME_SEC_FRAC";
		return this.processTimeEnd(cp, data);
	}
	TIME_SEC_FRAC(cp) {
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const start = this.codePointIterator.start;
		while (isDigit(cp)) cp = this.nextCode();
		const end = this.codePointIterator.start;
		const data = this.data;
		data.frac = this.text.slice(start, end);
		return this.processTimeEnd(cp, data);
	}
	processTimeEnd(cp, data) {
		if (data.hasDate) {
			if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
				data.offsetSign = cp;
				return "TIME_OFFSET";
			}
			if (cp === CodePoint.LATIN_CAPITAL_Z || cp === CodePoint.LATIN_SMALL_Z) {
				const dateValue$2 = getDateFromDateTimeData(data, "Z");
				this.endToken("OffsetDateTime", "end", dateValue$2);
				return "DATA";
			}
			const dateValue$1 = getDateFromDateTimeData(data, "");
			this.endToken("LocalDateTime", "start", dateValue$1);
			return this.back("DATA");
		}
		const dateValue = getDateFromDateTimeData(data, "");
		this.endToken("LocalTime", "start", dateValue);
		return this.back("DATA");
	}
	TIME_OFFSET(cp) {
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const hourStart = this.codePointIterator.start;
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
		const hourEnd = this.codePointIterator.start;
		cp = this.nextCode();
		const minuteStart = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const minuteEnd = this.codePointIterator.end;
		const hour = Number(this.text.slice(hourStart, hourEnd));
		const minute = Number(this.text.slice(minuteStart, minuteEnd));
		if (!isValidTime(hour, minute, 0)) return this.reportParseError("invalid-time");
		const data = this.data;
		const dateValue = getDateFromDateTimeData(data, `${String.fromCodePoint(data.offsetSign)}${padStart(hour, 2)}:${padStart(minute, 2)}`);
		this.endToken("OffsetDateTime", "end", dateValue);
		return "DATA";
	}
	parseDigits(cp, checkDigit) {
		if (cp === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
		if (!checkDigit(cp)) return this.reportParseError("unexpected-char");
		const out = [];
		let before = CodePoint.NULL;
		let hasUnderscore = false;
		while (checkDigit(cp) || cp === CodePoint.UNDERSCORE) {
			if (cp === CodePoint.UNDERSCORE) {
				hasUnderscore = true;
				if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
			} else out.push(cp);
			before = cp;
			cp = this.nextCode();
		}
		if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
		return {
			out,
			nextCp: cp,
			hasUnderscore
		};
	}
	parseUnicode(count) {
		const startLoc = this.codePointIterator.start;
		const start = this.codePointIterator.end;
		let charCount = 0;
		let cp;
		while ((cp = this.nextCode()) !== CodePoint.EOF) {
			if (!isHexDig(cp)) {
				this.moveAt(startLoc);
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			charCount++;
			if (charCount >= count) break;
		}
		const end = this.codePointIterator.end;
		const code = this.text.slice(start, end);
		const codePoint = parseInt(code, 16);
		if (!isUnicodeScalarValue(codePoint)) return this.reportParseError("invalid-code-point", { cp: code });
		return codePoint;
	}
	reportParseErrorControlChar() {
		return this.reportParseError("invalid-control-character");
	}
};
/**
* Check whether the code point is unquoted-key-char
*/
function isUnquotedKeyChar(cp, tomlVersion) {
	if (isLetter(cp) || isDigit(cp) || cp === CodePoint.UNDERSCORE || cp === CodePoint.DASH) return true;
	if (tomlVersion.lt(1, 1)) return false;
	return false;
}
/**
* Check whether the code point is control character other than tab
*/
function isControlOtherThanTab(cp) {
	return isControl(cp) && cp !== CodePoint.TABULATION || cp === CodePoint.DELETE;
}
/**
* Check whether the code point is non-eol for TOML 1.1
*/
function isNonEOL(cp) {
	return cp === CodePoint.TABULATION || CodePoint.SPACE <= cp && cp <= CodePoint.TILDE || isNonAscii(cp);
}
/**
* Check whether the code point is a non-ascii character.
*/
function isNonAscii(cp) {
	return CodePoint.PAD <= cp && cp <= CodePoint.CP_D7FF || CodePoint.CP_E000 <= cp && cp <= CodePoint.CP_10FFFF;
}
/**
* Check whether the given values is valid date
*/
function isValidDate(y, m, d) {
	if (y >= 0 && m <= 12 && m >= 1 && d >= 1) return d <= (m === 2 ? y & 3 || !(y % 25) && y & 15 ? 28 : 29 : 30 + (m + (m >> 3) & 1));
	return false;
}
/**
* Check whether the given values is valid time
*/
function isValidTime(h, m, s) {
	if (h >= 24 || h < 0 || m > 59 || m < 0 || s > 60 || s < 0) return false;
	return true;
}
/**
* Get date from DateTimeData
*/
function getDateFromDateTimeData(data, timeZone) {
	const year = padStart(data.year, 4);
	const month = data.month ? padStart(data.month, 2) : "01";
	const day = data.day ? padStart(data.day, 2) : "01";
	const hour = padStart(data.hour, 2);
	const minute = padStart(data.minute, 2);
	const second = padStart(data.second, 2);
	const textDate = `${year}-${month}-${day}`;
	const frac = data.frac ? `.${data.frac}` : "";
	const dateValue = /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:${second}${frac}${timeZone}`);
	if (!isNaN(dateValue.getTime()) || data.second !== 60) return dateValue;
	return /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:59${frac}${timeZone}`);
}
/**
* Pad with zeros.
*/
function padStart(num, maxLength) {
	return String(num).padStart(maxLength, "0");
}

//#endregion
//#region src/toml-parser/keys-resolver.ts
const VALUE_KIND_VALUE = Symbol("VALUE_KIND_VALUE");
const VALUE_KIND_INTERMEDIATE = Symbol("VALUE_KIND_INTERMEDIATE");
var KeysResolver = class {
	constructor(ctx) {
		this.rootKeys = /* @__PURE__ */ new Map();
		this.tables = [];
		this.ctx = ctx;
	}
	applyResolveKeyForTable(node) {
		let keys = this.rootKeys;
		const peekKeyIndex = node.key.keys.length - 1;
		for (let index = 0; index < peekKeyIndex; index++) {
			const keyNode = node.key.keys[index];
			const keyName = toKeyName(keyNode);
			node.resolvedKey.push(keyName);
			let keyStore = keys.get(keyName);
			if (!keyStore) {
				keyStore = {
					node: keyNode,
					keys: /* @__PURE__ */ new Map()
				};
				keys.set(keyName, keyStore);
			} else if (keyStore.table === "array") {
				const peekIndex = keyStore.peekIndex;
				node.resolvedKey.push(peekIndex);
				keyStore = keyStore.keys.get(peekIndex);
			}
			keys = keyStore.keys;
		}
		const lastKeyNode = node.key.keys[peekKeyIndex];
		const lastKeyName = toKeyName(lastKeyNode);
		node.resolvedKey.push(lastKeyName);
		const lastKeyStore = keys.get(lastKeyName);
		if (!lastKeyStore) if (node.kind === "array") {
			node.resolvedKey.push(0);
			const newKeyStore = {
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(lastKeyName, {
				table: node.kind,
				node: lastKeyNode,
				keys: new Map([[0, newKeyStore]]),
				peekIndex: 0
			});
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		} else {
			const newKeyStore = {
				table: node.kind,
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(lastKeyName, newKeyStore);
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		}
		else if (!lastKeyStore.table) if (node.kind === "array") this.ctx.reportParseError("dupe-keys", lastKeyNode);
		else {
			const transformKey = {
				table: node.kind,
				node: lastKeyNode,
				keys: lastKeyStore.keys
			};
			keys.set(lastKeyName, transformKey);
			this.tables.push({
				node,
				keys: transformKey.keys
			});
		}
		else if (lastKeyStore.table === "array") if (node.kind === "array") {
			const newKeyStore = {
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			const newIndex = lastKeyStore.peekIndex + 1;
			node.resolvedKey.push(newIndex);
			lastKeyStore.keys.set(newIndex, newKeyStore);
			lastKeyStore.peekIndex = newIndex;
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		} else this.ctx.reportParseError("dupe-keys", lastKeyNode);
		else this.ctx.reportParseError("dupe-keys", lastKeyNode);
	}
	verifyDuplicateKeys(node) {
		for (const body of node.body) if (body.type === "TOMLKeyValue") verifyDuplicateKeysForKeyValue(this.ctx, this.rootKeys, body);
		for (const { node: tableNode, keys } of this.tables) for (const body of tableNode.body) verifyDuplicateKeysForKeyValue(this.ctx, keys, body);
	}
};
/**
* Verify duplicate keys from TOMLKeyValue
*/
function verifyDuplicateKeysForKeyValue(ctx, defineKeys, node) {
	let keys = defineKeys;
	const lastKey = last(node.key.keys);
	for (const keyNode of node.key.keys) {
		const key = toKeyName(keyNode);
		let defineKey = keys.get(key);
		if (defineKey) {
			if (defineKey.value === VALUE_KIND_VALUE) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			else if (lastKey === keyNode) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			else if (defineKey.table) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			defineKey.value = VALUE_KIND_INTERMEDIATE;
		} else {
			if (lastKey === keyNode) defineKey = {
				value: VALUE_KIND_VALUE,
				node: keyNode,
				keys: /* @__PURE__ */ new Map()
			};
			else defineKey = {
				value: VALUE_KIND_INTERMEDIATE,
				node: keyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(key, defineKey);
		}
		keys = defineKey.keys;
	}
	if (node.value.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, keys, node.value);
	else if (node.value.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, keys, node.value);
}
/**
* Verify duplicate keys from TOMLInlineTable
*/
function verifyDuplicateKeysForInlineTable(ctx, defineKeys, node) {
	for (const body of node.body) verifyDuplicateKeysForKeyValue(ctx, defineKeys, body);
}
/**
* Verify duplicate keys from TOMLArray
*/
function verifyDuplicateKeysForArray(ctx, defineKeys, node) {
	const keys = defineKeys;
	for (let index = 0; index < node.elements.length; index++) {
		const element = node.elements[index];
		let defineKey = keys.get(index);
		if (defineKey) ctx.reportParseError("dupe-keys", getAfterNode(element, defineKey.node));
		else {
			defineKey = {
				value: VALUE_KIND_VALUE,
				node: element,
				keys: /* @__PURE__ */ new Map()
			};
			defineKeys.set(index, defineKey);
			if (element.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, defineKey.keys, element);
			else if (element.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, defineKey.keys, element);
		}
	}
}
/**
* Get the after node
*/
function getAfterNode(a, b) {
	return a.range[0] <= b.range[0] ? b : a;
}

//#endregion
//#region src/toml-parser/context.ts
var Context = class {
	constructor(data) {
		this.tokens = [];
		this.comments = [];
		this.back = null;
		this.stateStack = [];
		this.needNewLine = false;
		this.needSameLine = false;
		this.currToken = null;
		this.prevToken = null;
		this.valueContainerStack = [];
		this.tokenizer = new Tokenizer(data.text, data.parserOptions);
		this.topLevelTable = data.topLevelTable;
		this.table = data.topLevelTable;
		this.keysResolver = new KeysResolver(this);
	}
	/**
	* Get the next token.
	*/
	nextToken(option) {
		this.prevToken = this.currToken;
		if (this.back) {
			this.currToken = this.back;
			this.back = null;
		} else this.currToken = this._nextTokenFromTokenizer(option);
		if ((this.needNewLine || this.needSameLine || option?.needSameLine) && this.prevToken && this.currToken) if (this.prevToken.loc.end.line === this.currToken.loc.start.line) {
			if (this.needNewLine) return this.reportParseError("missing-newline", this.currToken);
		} else {
			const needSameLine = this.needSameLine || option?.needSameLine;
			if (needSameLine) return this.reportParseError(needSameLine, this.currToken);
		}
		this.needNewLine = false;
		this.needSameLine = false;
		return this.currToken;
	}
	_nextTokenFromTokenizer(option) {
		const valuesEnabled = this.tokenizer.valuesEnabled;
		if (option?.valuesEnabled) this.tokenizer.valuesEnabled = option.valuesEnabled;
		let token = this.tokenizer.nextToken();
		while (token && token.type === "Block") {
			this.comments.push(token);
			token = this.tokenizer.nextToken();
		}
		if (token) this.tokens.push(token);
		this.tokenizer.valuesEnabled = valuesEnabled;
		return token;
	}
	backToken() {
		if (this.back) throw new Error("Illegal state");
		this.back = this.currToken;
		this.currToken = this.prevToken;
	}
	addValueContainer(valueContainer) {
		this.valueContainerStack.push(valueContainer);
		this.tokenizer.valuesEnabled = true;
	}
	consumeValueContainer() {
		const valueContainer = this.valueContainerStack.pop();
		this.tokenizer.valuesEnabled = this.valueContainerStack.length > 0;
		return valueContainer;
	}
	applyResolveKeyForTable(node) {
		this.keysResolver.applyResolveKeyForTable(node);
	}
	verifyDuplicateKeys() {
		this.keysResolver.verifyDuplicateKeys(this.topLevelTable);
	}
	/**
	* Report an invalid token error.
	*/
	reportParseError(code, token) {
		let offset, line, column;
		if (token) {
			offset = token.range[0];
			line = token.loc.start.line;
			column = token.loc.start.column;
		} else {
			offset = this.tokenizer.start;
			const startPos = this.tokenizer.getLocFromIndex(offset);
			line = startPos.line;
			column = startPos.column;
		}
		throw new ParseError(code, offset, line, column);
	}
};

//#endregion
//#region src/toml-parser/index.ts
const STATE_FOR_ERROR = { VALUE: "missing-value" };
const STRING_VALUE_STYLE_MAP = {
	BasicString: "basic",
	MultiLineBasicString: "basic",
	LiteralString: "literal",
	MultiLineLiteralString: "literal"
};
const STRING_KEY_STYLE_MAP = {
	BasicString: "basic",
	LiteralString: "literal"
};
const DATETIME_VALUE_KIND_MAP = {
	OffsetDateTime: "offset-date-time",
	LocalDateTime: "local-date-time",
	LocalDate: "local-date",
	LocalTime: "local-time"
};
var TOMLParser = class {
	/**
	* Initialize this parser.
	*/
	constructor(text, parserOptions) {
		this.text = text;
		this.parserOptions = parserOptions || {};
		this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
	}
	/**
	* Parse TOML
	*/
	parse() {
		const ast = {
			type: "Program",
			body: [],
			sourceType: "module",
			tokens: [],
			comments: [],
			parent: null,
			range: [0, 0],
			loc: {
				start: {
					line: 1,
					column: 0
				},
				end: {
					line: 1,
					column: 0
				}
			}
		};
		const node = {
			type: "TOMLTopLevelTable",
			body: [],
			parent: ast,
			range: cloneRange(ast.range),
			loc: cloneLoc(ast.loc)
		};
		ast.body = [node];
		const ctx = new Context({
			text: this.text,
			parserOptions: this.parserOptions,
			topLevelTable: node
		});
		let token = ctx.nextToken();
		if (token) {
			node.range[0] = token.range[0];
			node.loc.start = clonePos(token.loc.start);
			while (token) {
				const state$1 = ctx.stateStack.pop() || "TABLE";
				ctx.stateStack.push(...this[state$1](token, ctx));
				token = ctx.nextToken();
			}
			const state = ctx.stateStack.pop() || "TABLE";
			if (state in STATE_FOR_ERROR) return ctx.reportParseError(STATE_FOR_ERROR[state], null);
			if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
			applyEndLoc(node, last(node.body));
		}
		ctx.verifyDuplicateKeys();
		ast.tokens = ctx.tokens;
		ast.comments = ctx.comments;
		const endOffset = ctx.tokenizer.end;
		const endPos = ctx.tokenizer.getLocFromIndex(endOffset);
		ast.range[1] = endOffset;
		ast.loc.end = {
			line: endPos.line,
			column: endPos.column
		};
		return ast;
	}
	TABLE(token, ctx) {
		if (isBare(token) || lib_isString(token)) return this.processKeyValue(token, ctx.table, ctx);
		if (isLeftBracket(token)) return this.processTable(token, ctx.topLevelTable, ctx);
		return ctx.reportParseError("unexpected-token", token);
	}
	VALUE(token, ctx) {
		if (lib_isString(token) || isMultiLineString(token)) return this.processStringValue(token, ctx);
		if (lib_isNumber(token)) return this.processNumberValue(token, ctx);
		if (lib_isBoolean(token)) return this.processBooleanValue(token, ctx);
		if (isDateTime(token)) return this.processDateTimeValue(token, ctx);
		if (isLeftBracket(token)) return this.processArray(token, ctx);
		if (isLeftBrace(token)) return this.processInlineTable(token, ctx);
		return ctx.reportParseError("unexpected-token", token);
	}
	processTable(token, topLevelTableNode, ctx) {
		const tableNode = {
			type: "TOMLTable",
			kind: "standard",
			key: null,
			resolvedKey: [],
			body: [],
			parent: topLevelTableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
		topLevelTableNode.body.push(tableNode);
		ctx.table = tableNode;
		let targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		if (isLeftBracket(targetToken)) {
			if (token.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
			tableNode.kind = "array";
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		}
		if (isRightBracket(targetToken)) return ctx.reportParseError("missing-key", targetToken);
		if (!targetToken) return ctx.reportParseError("unterminated-table-key", null);
		targetToken = this.processKeyNode(targetToken, tableNode, ctx).nextToken;
		if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
		if (tableNode.kind === "array") {
			const rightBracket = targetToken;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
			if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
			if (rightBracket.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
		}
		applyEndLoc(tableNode, targetToken);
		ctx.applyResolveKeyForTable(tableNode);
		ctx.needNewLine = true;
		return [];
	}
	processKeyValue(token, tableNode, ctx) {
		const keyValueNode = {
			type: "TOMLKeyValue",
			key: null,
			value: null,
			parent: tableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		tableNode.body.push(keyValueNode);
		const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
		if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
		ctx.addValueContainer({
			parent: keyValueNode,
			set: (valNode) => {
				keyValueNode.value = valNode;
				applyEndLoc(keyValueNode, valNode);
				ctx.needNewLine = true;
				return [];
			}
		});
		ctx.needSameLine = "invalid-key-value-newline";
		return ["VALUE"];
	}
	processKeyNode(token, parent, ctx) {
		if (isDot(token)) ctx.reportParseError("invalid-leading-dot-in-key", token);
		const keyNode = {
			type: "TOMLKey",
			keys: [],
			parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		parent.key = keyNode;
		let targetToken = token;
		let dotToken = null;
		do {
			if (isBare(targetToken)) this.processBareKey(targetToken, keyNode);
			else if (lib_isString(targetToken)) this.processStringKey(targetToken, keyNode);
			else break;
			dotToken = null;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
			if (!isDot(targetToken)) break;
			dotToken = targetToken;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		} while (targetToken);
		if (dotToken) ctx.reportParseError(isDot(targetToken) ? "invalid-consecutive-dots-in-key" : "invalid-trailing-dot-in-key", dotToken);
		applyEndLoc(keyNode, last(keyNode.keys));
		return {
			keyNode,
			nextToken: targetToken
		};
	}
	processBareKey(token, keyNode) {
		const node = {
			type: "TOMLBare",
			name: token.value,
			parent: keyNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		keyNode.keys.push(node);
	}
	processStringKey(token, keyNode) {
		const node = {
			type: "TOMLQuoted",
			kind: "string",
			value: token.string,
			style: STRING_KEY_STYLE_MAP[token.type],
			multiline: false,
			parent: keyNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		keyNode.keys.push(node);
	}
	processStringValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: "string",
			value: token.string,
			style: STRING_VALUE_STYLE_MAP[token.type],
			multiline: isMultiLineString(token),
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processNumberValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const text = this.text;
		const [startRange, endRange] = token.range;
		let numberString = null;
		/**
		* Get the text of number
		*/
		const getNumberText = () => {
			return numberString ?? (numberString = text.slice(startRange, endRange).replace(/_/g, ""));
		};
		let node;
		if (token.type === "Integer") node = {
			type: "TOMLValue",
			kind: "integer",
			value: token.number,
			bigint: token.bigint,
			get number() {
				return getNumberText();
			},
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		else node = {
			type: "TOMLValue",
			kind: "float",
			value: token.number,
			get number() {
				return getNumberText();
			},
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processBooleanValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: "boolean",
			value: token.boolean,
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processDateTimeValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: DATETIME_VALUE_KIND_MAP[token.type],
			value: token.date,
			datetime: token.value,
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processArray(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLArray",
			elements: [],
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		const nextToken = ctx.nextToken({ valuesEnabled: true });
		if (isRightBracket(nextToken)) {
			applyEndLoc(node, nextToken);
			return valueContainer.set(node);
		}
		ctx.backToken();
		return this.processArrayValue(node, valueContainer, ctx);
	}
	processArrayValue(node, valueContainer, ctx) {
		ctx.addValueContainer({
			parent: node,
			set: (valNode) => {
				node.elements.push(valNode);
				let nextToken = ctx.nextToken({ valuesEnabled: true });
				const hasComma = isComma(nextToken);
				if (hasComma) nextToken = ctx.nextToken({ valuesEnabled: true });
				if (isRightBracket(nextToken)) {
					applyEndLoc(node, nextToken);
					return valueContainer.set(node);
				}
				if (hasComma) {
					ctx.backToken();
					return this.processArrayValue(node, valueContainer, ctx);
				}
				return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-array", nextToken);
			}
		});
		return ["VALUE"];
	}
	processInlineTable(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLInlineTable",
			body: [],
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
		const nextToken = ctx.nextToken({ needSameLine });
		if (nextToken) {
			if (isBare(nextToken) || lib_isString(nextToken)) return this.processInlineTableKeyValue(nextToken, node, valueContainer, ctx);
			if (isRightBrace(nextToken)) {
				applyEndLoc(node, nextToken);
				return valueContainer.set(node);
			}
		}
		return ctx.reportParseError("unexpected-token", nextToken);
	}
	processInlineTableKeyValue(token, inlineTableNode, valueContainer, ctx) {
		const keyValueNode = {
			type: "TOMLKeyValue",
			key: null,
			value: null,
			parent: inlineTableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		inlineTableNode.body.push(keyValueNode);
		const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
		if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
		const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
		ctx.addValueContainer({
			parent: keyValueNode,
			set: (valNode) => {
				keyValueNode.value = valNode;
				applyEndLoc(keyValueNode, valNode);
				let nextToken = ctx.nextToken({ needSameLine });
				if (isComma(nextToken)) {
					nextToken = ctx.nextToken({ needSameLine });
					if (nextToken && (isBare(nextToken) || lib_isString(nextToken))) return this.processInlineTableKeyValue(nextToken, inlineTableNode, valueContainer, ctx);
					if (isRightBrace(nextToken)) {
						if (this.tomlVersion.lt(1, 1)) return ctx.reportParseError("invalid-trailing-comma-in-inline-table", nextToken);
					} else return ctx.reportParseError(nextToken ? "unexpected-token" : "unterminated-inline-table", nextToken);
				}
				if (isRightBrace(nextToken)) {
					applyEndLoc(inlineTableNode, nextToken);
					return valueContainer.set(inlineTableNode);
				}
				return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-inline-table", nextToken);
			}
		});
		ctx.needSameLine = "invalid-key-value-newline";
		return ["VALUE"];
	}
};
/**
* Check whether the given token is a dot.
*/
function isDot(token) {
	return isPunctuator(token) && token.value === ".";
}
/**
* Check whether the given token is an equal sign.
*/
function isEq(token) {
	return isPunctuator(token) && token.value === "=";
}
/**
* Check whether the given token is a left bracket.
*/
function isLeftBracket(token) {
	return isPunctuator(token) && token.value === "[";
}
/**
* Check whether the given token is a right bracket.
*/
function isRightBracket(token) {
	return isPunctuator(token) && token.value === "]";
}
/**
* Check whether the given token is a left brace.
*/
function isLeftBrace(token) {
	return isPunctuator(token) && token.value === "{";
}
/**
* Check whether the given token is a right brace.
*/
function isRightBrace(token) {
	return isPunctuator(token) && token.value === "}";
}
/**
* Check whether the given token is a comma.
*/
function isComma(token) {
	return isPunctuator(token) && token.value === ",";
}
/**
* Check whether the given token is a punctuator.
*/
function isPunctuator(token) {
	return Boolean(token && token.type === "Punctuator");
}
/**
* Check whether the given token is a bare token.
*/
function isBare(token) {
	return token.type === "Bare";
}
/**
* Check whether the given token is a string.
*/
function lib_isString(token) {
	return token.type === "BasicString" || token.type === "LiteralString";
}
/**
* Check whether the given token is a multi-line string.
*/
function isMultiLineString(token) {
	return token.type === "MultiLineBasicString" || token.type === "MultiLineLiteralString";
}
/**
* Check whether the given token is a number.
*/
function lib_isNumber(token) {
	return token.type === "Integer" || token.type === "Float";
}
/**
* Check whether the given token is a boolean.
*/
function lib_isBoolean(token) {
	return token.type === "Boolean";
}
/**
* Check whether the given token is a date time.
*/
function isDateTime(token) {
	return token.type === "OffsetDateTime" || token.type === "LocalDateTime" || token.type === "LocalDate" || token.type === "LocalTime";
}
/**
* Apply end locations
*/
function applyEndLoc(node, child) {
	if (child) {
		node.range[1] = child.range[1];
		node.loc.end = clonePos(child.loc.end);
	}
}
/**
* clone the location.
*/
function cloneRange(range) {
	return [range[0], range[1]];
}
/**
* clone the location.
*/
function cloneLoc(loc) {
	return {
		start: clonePos(loc.start),
		end: clonePos(loc.end)
	};
}
/**
* clone the location.
*/
function clonePos(pos) {
	return {
		line: pos.line,
		column: pos.column
	};
}

//#endregion
//#region src/visitor-keys.ts
const tomlKeys = {
	Program: ["body"],
	TOMLTopLevelTable: ["body"],
	TOMLTable: ["key", "body"],
	TOMLKeyValue: ["key", "value"],
	TOMLKey: ["keys"],
	TOMLArray: ["elements"],
	TOMLInlineTable: ["body"],
	TOMLBare: [],
	TOMLQuoted: [],
	TOMLValue: []
};
const lib_KEYS = unionWith(tomlKeys);

//#endregion
//#region src/parser.ts
/**
* Parse source code
*/
function parseForESLint(code, options) {
	return {
		ast: new TOMLParser(code, options).parse(),
		visitorKeys: lib_KEYS,
		services: { isTOML: true }
	};
}

//#endregion
//#region src/traverse.ts
/**
* Check that the given key should be traversed or not.
* @this {Traversable}
* @param key The key to check.
* @returns `true` if the key should be traversed.
*/
function fallbackKeysFilter(key) {
	let value = null;
	return key !== "comments" && key !== "leadingComments" && key !== "loc" && key !== "parent" && key !== "range" && key !== "tokens" && key !== "trailingComments" && (value = this[key]) !== null && typeof value === "object" && (typeof value.type === "string" || Array.isArray(value));
}
/**
* Get the keys of the given node to traverse it.
* @param node The node to get.
* @returns The keys to traverse.
*/
function getFallbackKeys(node) {
	return Object.keys(node).filter(fallbackKeysFilter, node);
}
/**
* Get the keys of the given node to traverse it.
* @param node The node to get.
* @returns The keys to traverse.
*/
function lib_getKeys(node, visitorKeys) {
	return ((visitorKeys || lib_KEYS)[node.type] || getFallbackKeys(node)).filter((key) => !getNodes(node, key).next().done);
}
/**
* Get the nodes of the given node.
* @param node The node to get.
*/
function* getNodes(node, key) {
	const child = node[key];
	if (Array.isArray(child)) {
		for (const c of child) if (isNode(c)) yield c;
	} else if (isNode(child)) yield child;
}
/**
* Check whether a given value is a node.
* @param x The value to check.
* @returns `true` if the value is a node.
*/
function isNode(x) {
	return x !== null && typeof x === "object" && typeof x.type === "string";
}
/**
* Traverse the given node.
* @param node The node to traverse.
* @param parent The parent node.
* @param visitor The node visitor.
*/
function traverse(node, parent, visitor) {
	visitor.enterNode(node, parent);
	const keys = lib_getKeys(node, visitor.visitorKeys);
	for (const key of keys) for (const child of getNodes(node, key)) traverse(child, node, visitor);
	visitor.leaveNode(node, parent);
}
/**
* Traverse the given AST tree.
* @param node Root node to traverse.
* @param visitor Visitor.
*/
function traverseNodes(node, visitor) {
	traverse(node, null, visitor);
}

//#endregion
//#region src/utils.ts
/**
* Gets the static value for the given node.
*/
const getStaticTOMLValue = generateConvertTOMLValue((node) => node.value);
/** Generates a converter to convert from a node. */
function generateConvertTOMLValue(convertValue) {
	/**
	* Resolve TOML value
	*/
	function resolveValue(node, baseTable) {
		return resolver[node.type](node, baseTable);
	}
	const resolver = {
		Program(node, baseTable = {}) {
			return resolveValue(node.body[0], baseTable);
		},
		TOMLTopLevelTable(node, baseTable = {}) {
			for (const body of node.body) resolveValue(body, baseTable);
			return baseTable;
		},
		TOMLKeyValue(node, baseTable = {}) {
			const value = resolveValue(node.value);
			set(baseTable, resolveValue(node.key), value);
			return baseTable;
		},
		TOMLTable(node, baseTable = {}) {
			const table = getTable(baseTable, resolveValue(node.key), node.kind === "array");
			for (const body of node.body) resolveValue(body, table);
			return baseTable;
		},
		TOMLArray(node) {
			return node.elements.map((e) => resolveValue(e));
		},
		TOMLInlineTable(node) {
			const table = {};
			for (const body of node.body) resolveValue(body, table);
			return table;
		},
		TOMLKey(node) {
			return node.keys.map((key) => resolveValue(key));
		},
		TOMLBare(node) {
			return node.name;
		},
		TOMLQuoted(node) {
			return node.value;
		},
		TOMLValue(node) {
			return convertValue(node);
		}
	};
	return (node) => resolveValue(node);
}
/**
* Get the table from the table.
*/
function getTable(baseTable, keys, array) {
	let target = baseTable;
	for (let index = 0; index < keys.length - 1; index++) {
		const key = keys[index];
		target = getNextTargetFromKey(target, key);
	}
	const lastKey = last(keys);
	const lastTarget = target[lastKey];
	if (lastTarget == null) {
		const tableValue$1 = {};
		target[lastKey] = array ? [tableValue$1] : tableValue$1;
		return tableValue$1;
	}
	if (isValue(lastTarget)) {
		const tableValue$1 = {};
		target[lastKey] = array ? [tableValue$1] : tableValue$1;
		return tableValue$1;
	}
	if (!array) {
		if (Array.isArray(lastTarget)) {
			const tableValue$1 = {};
			target[lastKey] = tableValue$1;
			return tableValue$1;
		}
		return lastTarget;
	}
	if (Array.isArray(lastTarget)) {
		const tableValue$1 = {};
		lastTarget.push(tableValue$1);
		return tableValue$1;
	}
	const tableValue = {};
	target[lastKey] = [tableValue];
	return tableValue;
	/** Get next target from key */
	function getNextTargetFromKey(currTarget, key) {
		const nextTarget = currTarget[key];
		if (nextTarget == null) {
			const val = {};
			currTarget[key] = val;
			return val;
		}
		if (isValue(nextTarget)) {
			const val = {};
			currTarget[key] = val;
			return val;
		}
		let resultTarget = nextTarget;
		while (Array.isArray(resultTarget)) {
			const lastIndex = resultTarget.length - 1;
			const nextElement = resultTarget[lastIndex];
			if (isValue(nextElement)) {
				const val = {};
				resultTarget[lastIndex] = val;
				return val;
			}
			resultTarget = nextElement;
		}
		return resultTarget;
	}
}
/**
* Set the value to the table.
*/
function set(baseTable, keys, value) {
	let target = baseTable;
	for (let index = 0; index < keys.length - 1; index++) {
		const key = keys[index];
		const nextTarget = target[key];
		if (nextTarget == null) {
			const val = {};
			target[key] = val;
			target = val;
		} else if (isValue(nextTarget) || Array.isArray(nextTarget)) {
			const val = {};
			target[key] = val;
			target = val;
		} else target = nextTarget;
	}
	target[last(keys)] = value;
}
/**
* Check whether the given value is a value.
*/
function isValue(value) {
	return typeof value !== "object" || value instanceof Date;
}

//#endregion
//#region package.json
var name$1 = "toml-eslint-parser";
var version$1 = "1.0.3";

//#endregion
//#region src/meta.ts
var meta_exports = /* @__PURE__ */ __exportAll({
	name: () => lib_name,
	version: () => version
});
const lib_name = name$1;
const version = version$1;

//#endregion
//#region src/index.ts
const VisitorKeys = (/* unused pure expression or super */ null && (lib_KEYS));
/**
* Parse TOML source code
*/
function parseTOML(code, options) {
	return parseForESLint(code, options).ast;
}

//#endregion

;// CONCATENATED MODULE: ./src/lint/toml.ts

const keysOf = (k) => k.keys.map((x) => (x.type === 'TOMLBare' ? x.name : x.value));
/** The document, or null when the text is not TOML. */
function tomlDocument(text) {
    let program;
    let data;
    try {
        program = parseTOML(text);
        data = getStaticTOMLValue(program);
    }
    catch {
        return null;
    }
    // Every key written, by its full path: dotted keys, [table] prefixes and inline tables.
    const keys = new Map();
    const id = (path) => JSON.stringify(path);
    const visit = (prefix, kv) => {
        const path = [...prefix, ...keysOf(kv.key)];
        keys.set(id(path), { line: kv.key.loc.start.line, value: kv.value });
        if (kv.value.type === 'TOMLInlineTable')
            for (const c of kv.value.body)
                visit(path, c);
    };
    for (const node of program.body[0].body) {
        if (node.type === 'TOMLKeyValue')
            visit([], node);
        else {
            if (node.kind === 'standard' && !keys.has(id(node.resolvedKey)))
                keys.set(id(node.resolvedKey), { line: node.loc.start.line, value: null });
            for (const kv of node.body)
                visit(node.resolvedKey, kv);
        }
    }
    return {
        data: data,
        strings: (path) => {
            const node = keys.get(id(path))?.value;
            if (node?.type !== 'TOMLArray')
                return [];
            return node.elements.flatMap((e) => e.type === 'TOMLValue' && e.kind === 'string'
                ? [{ value: e.value, line: e.loc.start.line }]
                : []);
        },
        keyLine: (path) => keys.get(id(path))?.line ?? null,
        lineText: (line) => text.split(/\r?\n/)[line - 1] ?? null,
    };
}

;// CONCATENATED MODULE: ./src/lint/poetry.ts

/** ^X.Y.Z and ~X.Y.Z as a PEP 440 range: the first non-zero part (caret) or the minor (tilde) bumps. */
function range(version, caret) {
    const parts = (/^\d+(\.\d+)*/.exec(version)?.[0] ?? '').split('.').filter(Boolean).map(Number);
    if (parts.length === 0)
        return '';
    const nonZero = parts.findIndex((p) => p !== 0);
    const bump = caret ? (nonZero < 0 ? parts.length - 1 : nonZero) : Math.min(1, parts.length - 1);
    const upper = parts.map((p, i) => (i < bump ? p : i === bump ? p + 1 : 0));
    return `>=${version},<${upper.join('.')}`;
}
/** A Poetry version constraint as a PEP 440 specifier; '' for any version (or for `a || b`). */
function poetrySpecifier(constraint) {
    const c = constraint.trim().replace(/([<>=!~^]=?)\s+/g, '$1');
    if (c === '' || c === '*' || c.includes('||'))
        return '';
    return c
        .split(/\s*,\s*|\s+/)
        .filter(Boolean)
        .map((part) => {
        if (part.startsWith('^'))
            return range(part.slice(1), true);
        if (part.startsWith('~') && !part.startsWith('~='))
            return range(part.slice(1), false);
        if (/^[<>=!~]/.test(part))
            return part;
        return part === '*' ? '' : `==${part}`;
    })
        .filter(Boolean)
        .join(',');
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const PLATFORMS = { linux: 'linux', darwin: 'darwin', win32: 'win32' };
/** One dependency table's marker: `markers`, and `platform` as sys_platform. */
function markerOf(t) {
    const markers = typeof t['markers'] === 'string' ? t['markers'].trim() : '';
    const platform = typeof t['platform'] === 'string' ? PLATFORMS[t['platform']] : undefined;
    const sys = platform ? `sys_platform == "${platform}"` : '';
    return markers && sys ? `(${markers}) and ${sys}` : markers || sys;
}
/**
 * The dependencies `pip install .` installs from a Poetry project (optional ones only for the
 * extras asked for); null when the file has no [tool.poetry.dependencies].
 */
function poetryRequirements(doc, extras) {
    const tool = doc.data['tool'];
    const poetry = isRecord(tool) && isRecord(tool['poetry']) ? tool['poetry'] : null;
    const deps = poetry?.['dependencies'];
    if (!poetry || !isRecord(deps))
        return null;
    const named = isRecord(poetry['extras']) ? poetry['extras'] : {};
    const optional = new Set(Object.entries(named)
        .filter(([extra]) => extras.some((e) => normalizeName(e) === normalizeName(extra)))
        .flatMap(([, v]) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []))
        .map(normalizeName));
    const out = [];
    for (const [key, spec] of Object.entries(deps)) {
        const name = normalizeName(key);
        const line = doc.keyLine(['tool', 'poetry', 'dependencies', key]);
        if (name === 'python' || line === null)
            continue;
        for (const one of Array.isArray(spec) ? spec : [spec]) {
            const t = typeof one === 'string' ? { version: one } : isRecord(one) ? one : null;
            // git, path and url dependencies do not come from the index: no version to check.
            if (!t || ['git', 'path', 'url', 'file'].some((k) => k in t))
                continue;
            if (t['optional'] === true && !optional.has(name))
                continue;
            const extras = Array.isArray(t['extras']) ? t['extras'] : [];
            out.push({
                name,
                extras: extras.filter((e) => typeof e === 'string').map(normalizeName),
                specifier: poetrySpecifier(typeof t['version'] === 'string' ? t['version'] : ''),
                marker: markerOf(t),
                raw: (doc.lineText(line) ?? key).replace(/\s+#.*$/, '').trim(),
                line,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/declared.ts





/** A requirement string at a place; null when it is not a PEP 508 requirement. */
function declared(raw, path, line) {
    const r = parseRequirement(raw);
    return r ? { ...r, raw: raw.trim(), path, line } : null;
}
const wanted = (extras) => new Set(extras.map(normalizeName));
/** The requirement lines of a plain file (setuptools' `file:` directive): no options. */
function requirementLines(path, read) {
    const text = read(path);
    if (text === null)
        return [];
    return text.split(/\r?\n/).flatMap((l, i) => declared(l, path, i + 1) ?? []);
}
const declared_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringsOf = (v) => typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
const record = (v, key) => {
    const x = declared_isRecord(v) ? v[key] : undefined;
    return declared_isRecord(x) ? x : {};
};
/**
 * pyproject.toml's requirements; null when it declares none of its own (no [project] and no
 * Poetry dependencies, or dependencies left dynamic to setup.cfg or setup.py).
 */
function fromPyproject(path, text, extras, read) {
    const doc = tomlDocument(text);
    if (!doc)
        return null; // not TOML: pip fails on it, and says so
    const poetry = () => poetryRequirements(doc, extras)?.map((r) => ({ ...r, path })) ?? null;
    const project = doc.data['project'];
    if (!declared_isRecord(project))
        return poetry();
    const dir = external_node_path_namespaceObject.posix.dirname(path);
    const dynamic = stringsOf(project['dynamic']);
    // setuptools' [tool.setuptools.dynamic] dependencies = { file = ["requirements.txt"] }.
    const dyn = record(record(doc.data['tool'], 'setuptools'), 'dynamic');
    const fromFiles = (v) => stringsOf(declared_isRecord(v) ? v['file'] : undefined).flatMap((f) => requirementLines(external_node_path_namespaceObject.posix.join(dir, f), read));
    const fromArray = (key) => doc.strings(key).flatMap((e) => declared(e.value, path, e.line) ?? []);
    const out = [];
    if (!dynamic.includes('dependencies'))
        out.push(...fromArray(['project', 'dependencies']));
    else if (declared_isRecord(dyn['dependencies']))
        out.push(...fromFiles(dyn['dependencies']));
    else
        return poetry(); // Poetry 2 keeps them in its own table; setuptools in setup.cfg/setup.py
    const want = wanted(extras);
    const chosen = (v) => Object.keys(v).filter((k) => want.has(normalizeName(k)));
    for (const extra of chosen(record(project, 'optional-dependencies')))
        out.push(...fromArray(['project', 'optional-dependencies', extra]));
    if (dynamic.includes('optional-dependencies')) {
        const files = record(dyn, 'optional-dependencies');
        for (const extra of chosen(files))
            out.push(...fromFiles(files[extra]));
    }
    return out;
}
/** An INI file's sections as configparser reads them: a value goes on in indented lines. */
function iniValues(text) {
    const out = new Map();
    let section = '';
    let key = null;
    text.split(/\r?\n/).forEach((l, i) => {
        if (/^\s*([#;].*)?$/.test(l))
            return;
        const header = /^\[([^\]]+)\]/.exec(l);
        if (header) {
            section = header[1].trim();
            key = null;
        }
        else if (/^\s/.test(l) && key !== null) {
            out.get(key).push({ text: l.trim(), line: i + 1 });
        }
        else {
            const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(l);
            key = kv ? `${section}\0${kv[1].trim()}` : null;
            if (key === null)
                return;
            out.set(key, kv[2] ? [{ text: kv[2].trim(), line: i + 1 }] : []);
        }
    });
    return out;
}
/** setup.cfg's [options] install_requires and the [options.extras_require] asked for. */
function fromSetupCfg(path, text, extras) {
    const values = iniValues(text);
    const req = values.get('options\0install_requires');
    const want = wanted(extras);
    const extra = [...values].filter(([k]) => {
        const [section, name] = k.split('\0');
        return section === 'options.extras_require' && want.has(normalizeName(name));
    });
    if (!req && extra.length === 0)
        return null;
    return [...(req ?? []), ...extra.flatMap(([, v]) => v)].flatMap((v) => declared(v.text, path, v.line) ?? []);
}
/**
 * setup.py's install_requires, only where it is one literal list of plain string literals
 * (comments and a trailing comma allowed): anything computed says nothing here.
 */
function fromSetupPy(path, text) {
    const at = [...text.matchAll(/\binstall_requires\s*=\s*/g)].filter((m) => !/#/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index)));
    if (at.length !== 1)
        return [];
    let i = at[0].index + at[0][0].length;
    if (text[i] !== '[')
        return [];
    const found = [];
    const skip = () => {
        for (;;) {
            while (i < text.length && /\s/.test(text[i]))
                i++;
            if (text[i] !== '#')
                return;
            while (i < text.length && text[i] !== '\n')
                i++;
        }
    };
    i++;
    for (;;) {
        skip();
        if (text[i] === ']')
            break;
        const q = text[i];
        if (q !== '"' && q !== "'")
            return [];
        const end = text.indexOf(q, i + 1);
        const value = end < 0 ? '' : text.slice(i + 1, end);
        // No triple quotes, escapes or line breaks: such a string is not the simple literal.
        if (end < 0 || end === i + 1 || /[\\\n]/.test(value))
            return [];
        found.push({ value, at: i });
        i = end + 1;
        skip();
        if (text[i] === ',')
            i++;
        else if (text[i] !== ']')
            return [];
    }
    i++;
    skip();
    // The list is the whole argument: `[...] + extra` or `[...][0]` is not a literal list.
    if (i < text.length && text[i] !== ',' && text[i] !== ')')
        return [];
    const lineAt = (n) => text.slice(0, n).split('\n').length;
    return found.flatMap((f) => declared(f.value, path, lineAt(f.at)) ?? []);
}
/** What `pip install <dir>[extras]` installs, by what the project in that context dir declares. */
function readProject(dir, extras, read) {
    const at = (f) => external_node_path_namespaceObject.posix.join(dir || '.', f);
    const toml = read(at('pyproject.toml'));
    const fromToml = toml === null ? null : fromPyproject(at('pyproject.toml'), toml, extras, read);
    if (fromToml)
        return fromToml;
    const cfg = read(at('setup.cfg'));
    const fromCfg = cfg === null ? null : fromSetupCfg(at('setup.cfg'), cfg, extras);
    if (fromCfg)
        return fromCfg;
    const py = read(at('setup.py'));
    return py === null ? [] : fromSetupPy(at('setup.py'), py);
}

;// CONCATENATED MODULE: ./src/lint/reqfiles.ts




// Everything one pip install names, with the file and line that say it: the requirements on its
// command line, the local projects it installs (`.`, `-e .`, `./sub[gpu]`), and its -r / -c
// files with the files they name in turn (relative to the file naming them, as pip does).
/** How deep -r inside -r goes before the rest is left unread (pip itself has no limit). */
const MAX_DEPTH = 10;
/** A local project as pip is given it: `.`, `./sub[gpu,dev]`, `/app`; null for anything else. */
function localProject(spec) {
    const m = /^((?:\.{1,2}|\/|file:)[^[]*?)\/?(?:\[([^\]]*)\])?$/.exec(spec.trim());
    // A wheel or an sdist is a file, not a project to read.
    if (!m || /\.(whl|zip|tar(\.\w+)?|tgz)$/i.test(m[1]))
        return null;
    const path = m[1].replace(/^file:(\/\/)?/, '');
    const extras = (m[2] ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
    // The project's directory in the build context, as contextPathOf maps a file under WORKDIR.
    const dir = contextPathOf(`${path.replace(/\/+$/, '')}/`).replace(/^\/+|\/+$/g, '');
    return { dir: external_node_path_namespaceObject.posix.normalize(dir || '.'), extras };
}
/** A requirements file's logical lines: a trailing backslash joins the next; comments dropped. */
function logicalLines(text) {
    const out = [];
    let cur = null;
    text.split(/\r?\n/).forEach((l, i) => {
        const body = l.replace(/(^|\s+)#.*$/, '');
        const joined = cur ? `${cur.text} ${body.trim()}` : body;
        cur = { text: joined, line: cur?.line ?? i + 1 };
        if (/\\\s*$/.test(body))
            cur.text = cur.text.replace(/\\\s*$/, '');
        else {
            if (cur.text.trim() !== '')
                out.push({ text: cur.text.trim(), line: cur.line });
            cur = null;
        }
    });
    return out;
}
/** A project's own declaration given as -r, as uv reads it (uv pip install -r pyproject.toml). */
function declarationFile(path, text, read) {
    switch (external_node_path_namespaceObject.posix.basename(path)) {
        case 'pyproject.toml':
            return fromPyproject(path, text, [], read) ?? [];
        case 'setup.cfg':
            return fromSetupCfg(path, text, []) ?? [];
        case 'setup.py':
            return fromSetupPy(path, text);
        default:
            return null;
    }
}
const FILE_OPTION = /^(-r|--requirement|-c|--constraint)(?:=(.+))?$/;
const EDITABLE = /^(-e|--editable)(?:=(.+))?$/;
class Reader {
    read;
    noDeps;
    out = [];
    seen = new Set();
    constructor(read, noDeps) {
        this.read = read;
        this.noDeps = noDeps;
    }
    /** A local project's declared requirements (unless pip runs with --no-deps). */
    project(spec) {
        const local = localProject(spec);
        if (!local)
            return false;
        const key = `project ${local.dir} [${local.extras.join(',')}]`;
        if (this.noDeps || this.seen.has(key))
            return true;
        this.seen.add(key);
        this.out.push(...readProject(local.dir, local.extras, this.read));
        return true;
    }
    /** A requirements or constraints file, by its context path, and the files it names. */
    file(path, depth) {
        const norm = external_node_path_namespaceObject.posix.normalize(path);
        if (depth > MAX_DEPTH || this.seen.has(norm))
            return;
        this.seen.add(norm);
        const text = this.read(norm);
        if (text === null)
            return;
        const own = declarationFile(norm, text, this.read);
        if (own) {
            this.out.push(...own);
            return;
        }
        for (const l of logicalLines(text)) {
            const words = shellWords(l.text);
            const [first = '', second = ''] = words;
            const opt = FILE_OPTION.exec(first) ?? /^-([rc])(.+)$/.exec(first);
            const edit = EDITABLE.exec(first);
            if (opt) {
                const named = opt[2] ?? second;
                // Named relative to this file, unless absolute (then as the image's path).
                const next = named.startsWith('/')
                    ? contextPathOf(named)
                    : external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(norm), named);
                // A file by URL is not in the build context.
                if (named && !named.includes('://'))
                    this.file(next, depth + 1);
            }
            else if (edit)
                this.project(edit[2] ?? second);
            else if (!this.project(l.text)) {
                const r = declared(l.text, norm, l.line);
                if (r)
                    this.out.push(r);
            }
        }
    }
}
/**
 * The requirements one pip install names, in order: its command line (path null), the local
 * projects it installs, then its requirements and constraints files.
 */
function pipRequirements(pip, read) {
    const reader = new Reader(read, pip.noDeps);
    for (const spec of pip.specs) {
        if (reader.project(spec))
            continue;
        const r = parseRequirement(spec);
        if (r)
            reader.out.push({ ...r, raw: spec, path: null, line: 0 });
    }
    for (const f of [...pip.requirementFiles, ...pip.constraintFiles])
        reader.file(contextPathOf(f), 0);
    return reader.out;
}

;// CONCATENATED MODULE: ./src/lint/model.ts





const ACTIVATE = /^(\.|source)\s+(\S+)\/bin\/activate$/;
const VENV = /(?:^|\s)(?:python3?(?:\.\d+)?\s+-m\s+(?:venv|virtualenv)|virtualenv|uv\s+venv)\s+(?:--?\S+\s+)*([^\s-][^\s]*)/;
function lineOf(ins) {
    return ins.getRange().start.line + 1;
}
// Flags are not arguments to the parser: --platform and --from come from the instruction's flags.
function flagValue(ins, name) {
    const flags = ins instanceof main.ModifiableInstruction ? ins.getFlags() : [];
    return flags.find((f) => f.getName() === name)?.getValue();
}
/** An image reference's name and tag: python:3.11-slim@sha256:... -> python, 3.11-slim. */
function nameAndTag(ref) {
    const at = ref.lastIndexOf(':');
    const slash = ref.lastIndexOf('/');
    return {
        name: at > slash ? ref.slice(0, at) : ref,
        tag: at > slash ? ref.slice(at + 1).split('@')[0] : null,
    };
}
function readFrom(ins, line, st) {
    const { input, model, globalArgs, aliases } = st;
    const stageIndex = ++st.stageIndex;
    st.workdir = '/';
    const args = ins
        .getArguments()
        .map((a) => a.getValue())
        .filter((a) => !a.startsWith('--'));
    const platformFlag = flagValue(ins, 'platform') ?? null;
    const ref = expand(args[0] ?? '', globalArgs);
    const alias = args[1]?.toLowerCase() === 'as' ? (args[2] ?? null) : null;
    const { name, tag } = nameAndTag(ref);
    const stage = aliases.has(ref.toLowerCase()) ? ref : null;
    if (alias)
        aliases.add(alias.toLowerCase());
    const parent = stage
        ? model.stages.find((x) => x.from.alias?.toLowerCase() === ref.toLowerCase())
        : null;
    // A stage built on another starts with its PATH.
    st.pathVenvs[stageIndex] = parent ? (st.pathVenvs[parent.index] ?? null) : null;
    model.stages.push({
        index: stageIndex,
        from: {
            file: input.file,
            line,
            ref,
            name,
            tag,
            stage,
            alias,
            platformFlag,
            pin: pinOf(platformFlag, globalArgs),
            text: oneLine(ins.getTextContent()),
        },
    });
    if (input.target && alias === input.target)
        model.finalStage = stageIndex;
    else if (!input.target)
        model.finalStage = stageIndex;
}
function readWorkdir(ins, _line, st) {
    st.workdir = ins.getArgumentsContent() ?? st.workdir;
}
function readEnv(ins, line, st) {
    const { input, model, stageIndex } = st;
    const text = ins.getArgumentsContent() ?? '';
    model.envs.push(...envSettings(ins, input.file, line, stageIndex));
    const m = /(?:^|\s)PATH[= ]\s*"?([^"\s]+)"?/.exec(text);
    if (!m)
        return;
    model.paths.push({ file: input.file, line, value: m[1], stageIndex });
    const first = (m[1].split(':')[0] ?? '').replace(/\/+$/, '');
    const venv = first.endsWith('/bin') ? first.slice(0, -4) : null;
    // A venv's RUN before the ENV PATH that leads with it, because only a venv the Dockerfile has
    // made counts: /usr/local/bin first on PATH is the system's.
    st.pathVenvs[stageIndex] = model.venvs.some((v) => v.path === venv) ? venv : null;
}
/** COPY and ADD: from another stage or image with --from, else from the build context. */
function readCopy(ins, line, st) {
    const { input, model, stageIndex } = st;
    const from = flagValue(ins, 'from');
    if (!from) {
        const copy = contextCopy(ins, input.file, line, stageIndex, st.workdir);
        if (copy)
            model.contextCopies.push(copy);
        return;
    }
    model.copies.push({
        file: input.file,
        line,
        from: expand(from, st.globalArgs),
        stageIndex,
        text: oneLine(ins.getTextContent()),
    });
}
/** A JSON array of strings is exec form; anything else Docker runs in a shell (null). */
function execArgs(ins) {
    const text = (ins.getRawArgumentsContent() ?? '').trim();
    if (!text.startsWith('['))
        return null;
    try {
        const v = JSON.parse(text);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
            return v;
    }
    catch {
        // not valid JSON: Docker runs it in shell form
    }
    return null;
}
/** CMD and ENTRYPOINT. */
function readExecForm(ins, line, st) {
    const keyword = ins.getKeyword() === 'CMD' ? 'CMD' : 'ENTRYPOINT';
    st.model.cmds.push({
        file: st.input.file,
        line,
        keyword,
        args: execArgs(ins),
        stageIndex: st.stageIndex,
        workdir: st.workdir,
    });
}
function readRun(ins, line, st) {
    const { input, model } = st;
    const text = ins.getRawArgumentsContent() ?? '';
    const body = text.startsWith('<<') ? text.split('\n').slice(1, -1).join('\n') : text;
    const commands = shellCommands(body);
    let activeVenv = null;
    // Within one RUN, a venv's creation before its activation and the activation before pip,
    // because `python -m venv /v && . /v/bin/activate && pip install x` installs into /v.
    for (const [idx, cmd] of commands.entries()) {
        const venvMatch = VENV.exec(cmd);
        if (venvMatch)
            model.venvs.push({
                file: input.file,
                line,
                path: absolutize(venvMatch[1], st.workdir),
                stageIndex: st.stageIndex,
            });
        const act = ACTIVATE.exec(cmd);
        if (act) {
            activeVenv = absolutize(act[2], st.workdir);
            if (idx === commands.length - 1)
                model.danglingActivations.push({ file: input.file, line, path: activeVenv });
            continue;
        }
        readPipInstall(cmd, line, activeVenv, st);
    }
}
/** One pip install of a RUN: the installer, and the requirements it installs where. */
function readPipInstall(cmd, line, active, st) {
    const { input, model, stageIndex } = st;
    const pip = parsePipInstall(cmd);
    if (!pip)
        return;
    const venv = pip.venv
        ? absolutize(pip.venv, st.workdir)
        : (active ?? (pip.viaPath ? (st.pathVenvs[stageIndex] ?? null) : null));
    const breakSystem = pip.breakSystem;
    model.pipInstalls.push({ file: input.file, line, stageIndex, venv, breakSystem });
    // The command line's requirements, the local projects it installs and its -r/-c files.
    for (const d of pipRequirements(pip, input.readContext))
        model.requirements.push({
            name: d.name,
            extras: d.extras,
            specifier: d.specifier,
            marker: d.marker,
            raw: d.raw,
            file: d.path === null ? input.file : input.showContext(d.path),
            line: d.path === null ? line : d.line,
            stageIndex,
            venv,
            breakSystem,
        });
}
// Keyed by keyword, not ordered: the Dockerfile's order is the parse's, and each reader sees what
// the instructions above it left in the state (the stage, WORKDIR, the venv leading PATH). Other
// instructions (ARG in a stage, LABEL, USER...) say nothing the rules read.
const READERS = new Map([
    ['FROM', readFrom],
    ['WORKDIR', readWorkdir],
    ['ENV', readEnv],
    ['COPY', readCopy],
    ['ADD', readCopy],
    ['CMD', readExecForm],
    ['ENTRYPOINT', readExecForm],
    ['RUN', readRun],
]);
function globalArgsOf(initial, buildArgs) {
    const out = new Map();
    for (const a of initial) {
        const p = a.getProperty();
        if (p?.getName())
            out.set(p.getName(), p.getValue() ?? '');
    }
    for (const [k, v] of buildArgs)
        out.set(k, v);
    return out;
}
function parseDockerfile(input) {
    const df = main.DockerfileParser.parse(input.dockerfile);
    const st = {
        input,
        model: {
            file: input.file,
            stages: [],
            requirements: [],
            pipInstalls: [],
            venvs: [],
            danglingActivations: [],
            paths: [],
            cmds: [],
            copies: [],
            contextCopies: [],
            envs: [],
            finalStage: 0,
        },
        globalArgs: globalArgsOf(df.getInitialARGs(), input.buildArgs ?? []),
        aliases: new Set(),
        stageIndex: -1,
        workdir: '/',
        pathVenvs: [],
    };
    for (const ins of df.getInstructions()) {
        const kw = ins.getKeyword();
        // The first FROM before any other reader, because an instruction above it belongs to no
        // stage: the ARGs there are the global ones, read above for FROM lines to expand.
        if (kw !== 'FROM' && st.stageIndex < 0)
            continue;
        READERS.get(kw)?.(ins, lineOf(ins), st);
    }
    return st.model;
}

;// CONCATENATED MODULE: ./src/lint/stages.ts
// Walking a parsed Dockerfile's stages: what a stage builds on, and what COPY --from names.
/**
 * The stage an index names, and the stages it builds on, final first (at most 50 hops). A FROM
 * names a stage only when that alias was defined earlier, so the chain always ends at an image.
 */
function stageChain(model, stageIndex) {
    const out = [];
    let s = model.stages[stageIndex];
    for (let hops = 0; s && hops <= 50; hops++) {
        out.push(s);
        if (!s.from.stage)
            break;
        const alias = s.from.stage.toLowerCase();
        s = model.stages.find((x) => x.from.alias?.toLowerCase() === alias);
    }
    return out;
}
/** The stage that `COPY --from=<name>` reads: an alias or an index; null for an image. */
function stageNamed(model, name) {
    const byAlias = model.stages.find((x) => x.from.alias?.toLowerCase() === name.toLowerCase());
    if (byAlias)
        return byAlias.index;
    return /^\d+$/.test(name) && Number(name) < model.stages.length ? Number(name) : null;
}
/** The stage chain ends at an image: FROM builder AS runtime resolves to builder's base. */
function baseOf(model, stageIndex) {
    return stageChain(model, stageIndex).at(-1)?.from ?? null;
}

;// CONCATENATED MODULE: ./src/lint/entrypoint.ts


const EXECS_ARGS = /(^|[\s;&|])exec\s+(?:[^\n;&|]*\s)?("\$@"|"\$\{@\}"|\$@|\$\{@\})(\s|;|$)/m;
const RUNS_ARGS_LAST = /(^|\n)\s*("\$@"|"\$\{@\}")\s*$/;
const USES_ARGS = /\$\{?[@*#1-9]\}?/;
const entrypoint_ACTIVATE = /(?:^|[\s;&|])(?:\.|source)\s+["']?([^\s"';&|]+?)\/bin\/activate["']?(?=\s|;|&|$)/gm;
const PATH_EXPORT = /(?:^|[\s;&|])(?:export\s+)?PATH=["']?([^:"'\s$]+?)\/bin(?=:)/gm;
function readScript(text) {
    const crlf = /\r\n/.test(text);
    const body = text
        .replace(/\r/g, '')
        .split('\n')
        .map((l) => l.replace(/(^|\s)#.*$/, ''))
        .join('\n')
        .trimEnd();
    const venvs = new Set();
    for (const m of body.matchAll(entrypoint_ACTIVATE))
        venvs.add(m[1]);
    for (const m of body.matchAll(PATH_EXPORT))
        if (m[1] !== '/usr' && m[1] !== '/usr/local')
            venvs.add(m[1]);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    const program = shebang
        ? /(^|\/)env$/.test(shebang[1])
            ? (shebang[2] ?? shebang[1])
            : shebang[1]
        : null;
    return {
        execsArgs: EXECS_ARGS.test(body) || RUNS_ARGS_LAST.test(body),
        usesArgs: USES_ARGS.test(body),
        venvs: [...venvs],
        shebang: program ? program.replace(/\r$/, '') : null,
        crlf,
    };
}
/** The ENTRYPOINT the final image has from this Dockerfile: the last one in its stage chain. */
function finalEntrypoint(model) {
    const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index));
    return model.cmds.findLast((c) => c.keyword === 'ENTRYPOINT' && chain.has(c.stageIndex)) ?? null;
}
/** The program of an ENTRYPOINT that a script may be: its first word, or what a wrapper runs. */
function programs(ep) {
    const words = ep.args ?? [];
    return words.filter((w) => w.startsWith('/') || w.startsWith('./') || /\.(sh|bash)$/.test(w));
}
/**
 * The script the final ENTRYPOINT runs, when a COPY or ADD from the build context put it there
 * and the context has it; null otherwise (a binary, a file the base image brought, shell form).
 */
function entrypointScript(model, readContext, showContext) {
    const ep = finalEntrypoint(model);
    if (!ep?.args)
        return null;
    const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index));
    for (const word of programs(ep)) {
        const paths = word.includes('/') ? [absolutize(word, ep.workdir)] : onPath(model, word);
        const copiedTo = (p) => model.contextCopies.findLast((c) => chain.has(c.stageIndex) && c.sources.some((s) => landsAt(s, c.dest, c.sources.length, p)));
        const path = paths.find((p) => copiedTo(p) !== undefined);
        const copy = path === undefined ? undefined : copiedTo(path);
        if (path === undefined)
            continue;
        if (!copy)
            continue;
        const source = copy.sources.find((s) => landsAt(s, copy.dest, copy.sources.length, path));
        const rel = source.replace(/^\.?\/+/, '');
        const text = readContext(rel);
        if (text === null)
            continue;
        const facts = readScript(text);
        facts.venvs = facts.venvs.map((v) => absolutize(v, ep.workdir));
        return {
            path,
            file: showContext(rel),
            facts,
            copy: { file: copy.file, line: copy.line },
            copyMode: copy.chmod,
        };
    }
    return null;
}
/** Where a program named without a directory is found: the image's PATH (ENV PATH, else Debian's). */
function onPath(model, name) {
    const dirs = [
        ...model.paths.flatMap((p) => p.value.split(':')).filter((d) => d.startsWith('/')),
        '/usr/local/sbin',
        '/usr/local/bin',
        '/usr/sbin',
        '/usr/bin',
        '/sbin',
        '/bin',
    ];
    return dirs.map((d) => `${d.replace(/\/+$/, '')}/${name}`);
}
/** Whether copying `source` to `dest` puts it at `path`. */
function landsAt(source, dest, count, path) {
    const name = source.replace(/\/+$/, '').split('/').at(-1) ?? '';
    const intoDir = dest.endsWith('/') || count > 1;
    const target = intoDir ? `${dest.replace(/\/+$/, '')}/${name}` : dest;
    return target === path || (!intoDir && `${dest}/${name}` === path);
}

;// CONCATENATED MODULE: ./src/knowledge/cuda.ts
// Which of TensorFlow's Linux wheels are CUDA builds, and what its and-cuda extra installs.
//
// Read from the wheels on the package index (tensorflow/python/platform/build_info.py, and the
// Requires-Dist lines of the wheel's METADATA):
// - tensorflow 2.21.0 manylinux_2_27_x86_64: is_cuda_build True, cuda_version '12.5.1',
//   cudnn_version '9'. manylinux_2_27_aarch64: is_cuda_build False.
// - tensorflow 2.16.2, 2.17.1, 2.18.1, 2.19.1, 2.20.0 manylinux2014_aarch64: is_cuda_build
//   False, each.
// - tensorflow 2.14.1 and 2.15.1 manylinux2014_aarch64 are shims without a build_info.py that
//   install tensorflow-cpu-aws (a CPU build) on Linux aarch64.
// - tensorflow-cpu 2.21.0 manylinux_2_27_x86_64: is_cuda_build False.
// - Every one of those wheels declares the and-cuda extra all the same, tensorflow-cpu 2.21.0
//   too: 2.15 to 2.21 the same twelve nvidia-*-cu12 packages (cublas, cuda-cupti, cuda-nvcc,
//   cuda-nvrtc, cuda-runtime, cudnn, cufft, curand, cusolver, cusparse, nccl, nvjitlink); 2.14
//   their cu11 forms (no nvrtc, nvjitlink) and tensorrt. The nvidia-*-cu12 packages publish
//   aarch64 wheels, so on linux/arm64 `pip install tensorflow[and-cuda]` installs about 3 GB of
//   CUDA libraries that the CPU-only build never loads.
/** The architectures whose `tensorflow` wheels are CUDA builds. tensorflow-cpu never is. */
const CUDA_BUILD_ARCHES = ['x86_64'];
/** Whether a TensorFlow distribution's wheels for this architecture are CUDA builds. */
function isCudaBuild(pkg, arch) {
    return pkg === 'tensorflow' && CUDA_BUILD_ARCHES.includes(arch);
}

;// CONCATENATED MODULE: ./src/knowledge/images.ts

// What the official python image's floating tags carry. They follow the newest CPython release:
// python:latest, python:3, python:slim, python:3-slim, python:bookworm ... are all one Python.
// No registry is reachable where the knowledge is generated, so this is kept by hand: change
// FLOATING_PYTHON (and the date) when docker-library/python moves its floating tags.
/** The Python the floating tags carried when last read, and when that was. */
const FLOATING_PYTHON = { python: '3.14', read: '2026-12-03' };
/** A python image tag without a minor version: latest, 3, slim, 3-slim, bookworm, 3-slim-trixie. */
const FLOATING = /^(latest|3|(3-)?(slim|alpine|bookworm|trixie|bullseye|windowsservercore|nanoserver)([-.].*)?)$/;
/** The Python a python image tag carries: python:3.11-slim -> 3.11; python:slim -> the floating one. */
function pythonOfTag(tag) {
    const t = tag ?? 'latest';
    const m = /^(3\.\d+)/.exec(t);
    if (m)
        return { python: m[1], floating: false };
    return FLOATING.test(t) ? { python: FLOATING_PYTHON.python, floating: true } : null;
}
/** The same tag with its Python pinned: (3-slim, 3.13) -> 3.13-slim; (latest, 3.13) -> 3.13. */
function tagWithPython(tag, python) {
    const t = tag ?? 'latest';
    if (/^3\.\d+/.test(t))
        return t.replace(/^3\.\d+/, python);
    if (t === 'latest' || t === '3')
        return python;
    return `${python}-${t.replace(/^3-/, '')}`;
}
// An architecture's name as a tag segment: 3.11-slim-arm64. The names are letters, digits, - and
// _ (arches.test.ts holds them to it), so they go into the pattern as they are.
const ARCH_SUFFIX = new RegExp(`(^|[-_.])(${archTagNames().join('|')})($|[-_.])`, 'i');
/** The multi-arch tag an architecture-suffixed one stands for (3.11-slim-arm64 -> 3.11-slim); null when it names none. */
function multiArchTag(tag) {
    if (!tag || !ARCH_SUFFIX.test(tag))
        return null;
    return tag.replace(ARCH_SUFFIX, '$1').replace(/[-_.]+$/, '');
}
/** The Python version a base image tag tells: python:3.11-slim -> 3.11. */
function pythonOfImage(name, tag) {
    if (!/(^|\/)python$/.test(name) || tag === '')
        return null;
    return pythonOfTag(tag)?.python ?? null;
}
/** A base whose system Python is marked externally managed (PEP 668): Debian 12+, Ubuntu 23.04+. */
function pep668Base(name, tag) {
    const t = (tag ?? 'latest').toLowerCase();
    if (/(^|\/)debian$/.test(name))
        return /^(bookworm|trixie|forky|sid|12|13|14|testing|unstable|latest|stable)/.test(t);
    if (/(^|\/)ubuntu$/.test(name))
        return /^(2[3-9]\.|noble|oracular|plucky|questing|resolute|latest|rolling|devel)/.test(t);
    return false;
}

;// CONCATENATED MODULE: ./src/lint/python.ts



// A TensorFlow requirement on a base image whose Python it has no wheel for: pinned to releases
// without one, or unpinned on a Python no release supports yet (python:3.14-slim, and the
// floating tags that carry it). pip ignores the release candidates that may have wheels.
function pythonFinding(r, base, python, arch) {
    const pin = checkPin(r.name, r.specifier, python, arch);
    if (pin.matching.length === 0 || pin.installable.length !== 0)
        return null;
    const newest = newestFor(python);
    const supported = pin.pythons.at(-1) ?? '3.12';
    const floating = pythonOfTag(base.tag)?.floating === true;
    const carries = floating
        ? `${base.ref} carries Python ${python} (its tag follows the newest Python; as of ${FLOATING_PYTHON.read})`
        : `the image ${base.ref} has Python ${python}`;
    const to = `${base.name}:${tagWithPython(base.tag, supported)}`;
    // pip takes a pre-release when no final release fits: the image builds, on a release candidate.
    const pre = prereleaseFor(r.name, r.specifier, python, arch);
    if (pre)
        return diagnosis('tensorflow-prerelease', `${r.raw}: no final ${r.name} release has ${arch} wheels for Python ${python}, so pip takes the pre-release ${pre}, the newest that has them; ${carries}. The image ships a release candidate.`, `Use FROM ${to} (Python ${supported}) for a final release${newest ? '' : ` (${r.name} ${pin.matching.at(-1)})`}, or pin ${r.name}==${pre} to make the pre-release a choice.`, r);
    const which = r.specifier === ''
        ? `${r.raw}: no ${r.name} release has ${arch} wheels for Python ${python} (the newest Python any release supports is ${supported}), so pip finds none; ${carries}.`
        : `${r.raw} matches ${r.name} ${pin.matching.at(-1)}${pin.matching.length > 1 ? ` (and ${pin.matching.length - 1} older)` : ''}, which has ${arch} wheels for Python ${pin.pythons.join(', ') || 'none'}; ${carries}.`;
    return diagnosis('python-version-unsupported', which, `Use FROM ${to} (Python ${supported}, the newest with ${r.name} wheels)${newest ? `, or pin ${r.name}==${newest}, which supports Python ${python}` : ''}.`, r);
}

;// CONCATENATED MODULE: ./src/lint/rule.ts
const NO_GPUS = { gpus: null, gpuReady: 'auto' };
/** A finding for every platform: it goes to the top level. */
function everywhere(d) {
    return { platform: null, diagnosis: d };
}

;// CONCATENATED MODULE: ./src/lint/requirements.ts








// Whether pip can install what the Dockerfile asks for, on each platform: TensorFlow's wheels by
// architecture and Python, and packages that exist for macOS only.
const MARKER_CLAUSE = /\b(sys_platform|platform_system|platform_machine|os_name)\s*(==|!=)\s*['"]([^'"]+)['"]/g;
/**
 * Whether a requirement's environment marker holds in a Linux image of this architecture. Only
 * the platform variables are evaluated; anything else (python_version, extras) counts as true,
 * so that a finding is never lost to a marker we do not model.
 */
function markerApplies(marker, arch) {
    const env = {
        sys_platform: ['linux'],
        platform_system: ['Linux'],
        platform_machine: markerMachines(arch),
        os_name: ['posix'],
    };
    const results = [...marker.matchAll(MARKER_CLAUSE)].map(([, key, op, value]) => {
        const hit = env[key].includes(value);
        return op === '==' ? hit : !hit;
    });
    if (results.length === 0)
        return true;
    return /\bor\b/.test(marker) ? results.some(Boolean) : results.every(Boolean);
}
function isTensorFlow(r) {
    return TENSORFLOW_PACKAGES.includes(r.name);
}
/** Platforms TensorFlow has no wheels for at all: not built. */
function platformsWithoutTensorFlow(_model, ctx) {
    return ctx.platforms
        .filter((p) => !tensorflowHasWheels(p))
        .map((p) => {
        const name = p.id;
        return {
            platform: name,
            skipBuild: true,
            diagnosis: diagnosis('platform-unsupported-by-tensorflow', `TensorFlow publishes Linux wheels for linux/amd64 and linux/arm64 only; on ${name} pip finds none, so the build cannot succeed. It was not built.`, `Drop ${name} from platforms, or make it optional with required-platforms.`, null),
        };
    });
}
/** A TensorFlow requirement on one platform: no wheel ever, or none for the image's Python. */
function tensorflowOn(r, p, base, python) {
    const arch = archOf(p.arch);
    if (!arch || !markerApplies(r.marker, p.arch))
        return null;
    const name = p.id;
    if (!hasAnyWheel(r.name, arch)) {
        const fix = r.name === 'tensorflow-cpu'
            ? `Install \`tensorflow\` (CPU-only on Linux arm64, and the same package on amd64): replace ${r.raw} with tensorflow${r.specifier}.`
            : `Install \`tensorflow\` for ${name}: it has wheels for both linux/amd64 and linux/arm64.`;
        return {
            platform: name,
            diagnosis: diagnosis('no-wheel-for-platform', `${r.raw}: ${r.name} has never published a Linux ${arch} wheel, so pip finds no version of it on ${name}.`, fix, r),
        };
    }
    const unsupported = base && python !== null ? pythonFinding(r, base, python, arch) : null;
    return unsupported ? { platform: name, diagnosis: unsupported } : null;
}
/** Each requirement in turn: a macOS-only package, else TensorFlow on each platform. */
function requirements(model, ctx) {
    const out = [];
    for (const r of model.requirements) {
        if (!markerApplies(r.marker, 'amd64') && !markerApplies(r.marker, 'arm64'))
            continue;
        if (MACOS_ONLY.includes(r.name)) {
            out.push(everywhere(diagnosis('macos-only-package', `${r.raw} publishes macOS wheels only; inside a Linux image pip finds no version of it ("from versions: none") on any platform.`, macosOnly(r.name), r)));
            continue;
        }
        if (!isTensorFlow(r) || !isKnown(r.name))
            continue;
        const base = baseOf(model, r.stageIndex);
        const python = base ? pythonOfImage(base.name, base.tag) : null;
        for (const p of ctx.platforms) {
            const f = tensorflowOn(r, p, base, python);
            if (f)
                out.push(f);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/gpu.ts







// What the Dockerfile says about GPUs before anything is built: TensorFlow's CUDA extra asked
// for where its wheels are CPU builds, the CPU-only distribution where GPUs are asked for, an ENV
// that hides the GPUs, and whether the image is meant for GPUs at all (gpu-ready: auto).
// knowledge/cuda.ts holds which wheels are CUDA builds. fix/ offers no edit for these: the
// right change (a marker per architecture, another package, an ENV removed) is the user's call.
const where = (x) => `${x.file}:${x.line}`;
/** The stages of the final image: the final stage and those it builds on. */
function finalChain(model) {
    return new Set(stageChain(model, model.finalStage).map((s) => s.index));
}
/** The distributions that declare the and-cuda extra (tensorflow-cpu's is of no use). */
const AND_CUDA = ['tensorflow', 'tensorflow-cpu'];
/** tensorflow[and-cuda], in any spelling of the extra (PEP 685 normalises it). */
function andCuda(r) {
    return AND_CUDA.includes(r.name) && r.extras.includes('and-cuda');
}
// NVIDIA's images: nvidia/cuda on Docker Hub, and NVIDIA's own registry's nvidia/ namespace
// (pytorch, tensorflow, cuda...), mirrors included; TensorFlow's own -gpu tags.
const NVIDIA_IMAGE = /(^|\/)nvidia\/[^/]+/;
const TENSORFLOW_IMAGE = /(^|\/)tensorflow\/tensorflow$/;
const GPU_TAG = /(^|-)gpu(-|$)/;
const INTENT_ENVS = new Set([
    'CUDA_VERSION',
    'CUDA_HOME',
    'NVIDIA_VISIBLE_DEVICES',
    'NVIDIA_DRIVER_CAPABILITIES',
]);
/** The final image's FROM that is a GPU image, as a reason; null when none is. */
function baseIntent(model) {
    for (const s of stageChain(model, model.finalStage)) {
        const { name, tag, stage } = s.from;
        if (stage)
            continue;
        const n = name.toLowerCase();
        const gpu = NVIDIA_IMAGE.test(n) || (TENSORFLOW_IMAGE.test(n) && GPU_TAG.test((tag ?? '').toLowerCase()));
        if (!gpu)
            continue;
        const how = s.index === model.finalStage ? 'is' : 'builds on';
        return `the final stage ${how} FROM ${s.from.ref} (${where(s.from)})`;
    }
    return null;
}
/**
 * Why the Dockerfile looks meant for NVIDIA GPUs, in a few words with the line that says so;
 * null when nothing does. A GPU base image of the final stage, tensorflow[and-cuda] or an
 * nvidia-* package (the CUDA libraries' wheels), or an ENV the CUDA images set.
 */
function gpuIntent(model) {
    const base = baseIntent(model);
    if (base)
        return base;
    const r = model.requirements.find((x) => andCuda(x) || x.name.startsWith('nvidia-'));
    if (r)
        return `the image installs ${r.raw} (${where(r)})`;
    const chain = finalChain(model);
    const e = model.envs.find((x) => chain.has(x.stageIndex) &&
        (INTENT_ENVS.has(x.name) || (x.name === 'LD_LIBRARY_PATH' && /cuda/i.test(x.value))));
    return e ? `the image sets ENV ${e.name}=${e.value} (${where(e)})` : null;
}
/** tensorflow[and-cuda] for a platform whose TensorFlow wheels are CPU builds. */
function andCudaWithoutCuda(model, ctx) {
    const out = [];
    for (const r of model.requirements.filter(andCuda)) {
        for (const p of ctx.platforms) {
            const arch = archOf(p.arch);
            // No wheels at all is platformsWithoutTensorFlow's finding, or requirements' for the
            // package (tensorflow-cpu on aarch64): nothing installs there.
            if (!arch || !hasAnyWheel(r.name, arch) || !markerApplies(r.marker, p.arch))
                continue;
            if (isCudaBuild(r.name, arch))
                continue;
            out.push({ platform: p.id, diagnosis: andCudaDiagnosis(r, p.id, arch) });
        }
    }
    return out;
}
function andCudaDiagnosis(r, platform, arch) {
    const spec = r.specifier;
    const waste = `yet the and-cuda extra still installs its nvidia-* CUDA wheels on ${platform}: about 3 GB of libraries TensorFlow never loads. The build succeeds; the image is that much larger and runs on the CPU.`;
    if (r.name === 'tensorflow-cpu')
        return diagnosis('and-cuda-without-cuda', `${r.raw}: tensorflow-cpu is never a CUDA build, ${waste}`, `Install tensorflow[and-cuda]${spec} for TensorFlow's CUDA build (the linux/amd64 tensorflow wheel), or plain tensorflow-cpu${spec} for a CPU image.`, r);
    return diagnosis('and-cuda-without-cuda', `${r.raw}: TensorFlow's Linux ${arch} wheels are CPU-only builds, ${waste}`, `On ${platform} install plain tensorflow: in a requirements file, \`tensorflow[and-cuda]${spec}; platform_machine == "x86_64"\` and \`tensorflow${spec}; platform_machine == "${arch}"\` on two lines; or build the GPU image for linux/amd64 GPU machines only.`, r);
}
/** Why the check asks the image for GPUs: the options; null when it does not. */
function gpusAsked(ctx) {
    if (ctx.gpus)
        return `gpus: ${ctx.gpus.value}`;
    return ctx.gpuReady === 'required' ? 'gpu-ready: required' : null;
}
/** tensorflow-cpu where the check gives the container GPUs, or requires it to be GPU-ready. */
function tensorflowCpuWithGpus(model, ctx) {
    const asked = gpusAsked(ctx);
    if (!asked)
        return [];
    return model.requirements
        .filter((r) => r.name === 'tensorflow-cpu' && ctx.platforms.some((p) => markerApplies(r.marker, p.arch)))
        .map((r) => everywhere(diagnosis('tensorflow-cpu-with-gpus', `${r.raw}: tensorflow-cpu is never a CUDA build (on any architecture), so with ${asked} TensorFlow lists no GPU and trains on the CPU.`, `Install tensorflow[and-cuda]${r.specifier} instead of ${r.raw} (TensorFlow's CUDA build is the linux/amd64 tensorflow wheel), or check this image without ${asked}.`, r)));
}
/** Why this check reports GPU readiness for this image; null when it does not. */
function caresAboutGpus(model, ctx) {
    const asked = gpusAsked(ctx);
    if (asked)
        return `the check asks for GPUs (${asked})`;
    if (ctx.gpuReady === 'report')
        return 'gpu-ready is report';
    const intent = ctx.gpuReady === 'auto' ? gpuIntent(model) : null;
    return intent ? `the image is meant for GPUs: ${intent}` : null;
}
const HIDDEN = {
    CUDA_VISIBLE_DEVICES: {
        detail: 'hides every GPU from the CUDA runtime',
        fix: 'Remove CUDA_VISIBLE_DEVICES from the ENV; a CPU-only run sets it when it runs (docker run -e CUDA_VISIBLE_DEVICES=-1).',
    },
};
/**
 * An ENV of the final image that hides the GPUs, when the check cares about GPUs: a finding at
 * the ENV line that sets it last (src/gpus.ts's hidingVariable says which values hide).
 */
function gpuDevicesHidden(model, ctx) {
    const cares = caresAboutGpus(model, ctx);
    if (!cares)
        return [];
    const chain = finalChain(model);
    const byLine = new Map();
    for (const [name, text] of Object.entries(HIDDEN)) {
        const e = model.envs.findLast((x) => x.name === name && chain.has(x.stageIndex));
        // A value from an ARG or another variable is decided at build time, not here.
        if (!e || e.value.includes('$') || !hidingVariable({ [name]: e.value }))
            continue;
        const hit = byLine.get(where(e)) ?? { at: e, says: [], fixes: [] };
        hit.says.push(`ENV ${name}=${e.value === '' ? ' (empty)' : e.value} ${text.detail}`);
        hit.fixes.push(text.fix);
        byLine.set(where(e), hit);
    }
    return [...byLine.values()].map(({ at, says, fixes }) => everywhere(diagnosis('gpu-devices-hidden', `${says.join('; ')}: TensorFlow lists no GPU and runs on the CPU, whatever GPUs the container is given. Reported because ${cares}.`, fixes.join(' '), at)));
}

;// CONCATENATED MODULE: ./src/lint/architecture.ts




/** The architecture a pin puts a stage on for a target, or null when it follows the target. */
function pinnedArch(pin, buildArch) {
    if (pin === null || pin === 'target')
        return null;
    if (pin === 'build')
        return buildArch;
    try {
        return parsePlatform(pin.fixed, 'FROM --platform').arch;
    }
    catch {
        return null; // not a platform the build can have either: the build says so itself
    }
}
/** The first pinned FROM of a stage and the stages it builds on. */
function pinnedBase(model, stageIndex) {
    return (stageChain(model, stageIndex)
        .map((s) => s.from)
        .find((f) => f.pin !== null && f.pin !== 'target') ?? null);
}
function pinText(pin, buildArch) {
    return pin === 'build'
        ? `the build machine's platform ($BUILDPLATFORM, linux/${buildArch} here)`
        : typeof pin === 'object' && pin !== null
            ? pin.fixed
            : 'its target';
}
/**
 * Findings per platform: `wrong-architecture` for a pinned final stage, `foreign-binaries` for a
 * COPY --from a pinned stage that installs Python packages. `buildArch` is the builder's own
 * architecture, which $BUILDPLATFORM means.
 */
function architectureFindings(model, platforms, buildArch) {
    const out = [];
    const final = pinnedBase(model, model.finalStage);
    const finalArch = final ? pinnedArch(final.pin, buildArch) : null;
    if (final && finalArch) {
        for (const p of platforms.filter((x) => x.arch !== finalArch)) {
            const name = p.id;
            out.push({
                platform: name,
                diagnosis: diagnosis('wrong-architecture', `\`${final.text}\` (${fileLine(final)}) pins the final stage to ${pinText(final.pin, buildArch)}, so the image built for ${name} is a linux/${finalArch} image: a ${name} machine cannot run it natively.`, `Drop the --platform from the FROM at ${fileLine(final)} (\`FROM ${final.ref}${final.alias ? ` AS ${final.alias}` : ''}\`), so that each platform gets its own base image; keep FROM --platform only on stages whose output does not depend on the architecture.`, final),
            });
        }
        return out; // the whole image is of one platform: what it copies changes nothing
    }
    const finalStages = chainIndexes(model, model.finalStage);
    for (const copy of model.copies.filter((c) => finalStages.includes(c.stageIndex))) {
        const source = stageNamed(model, copy.from);
        if (source === null)
            continue;
        const base = pinnedBase(model, source);
        const arch = base ? pinnedArch(base.pin, buildArch) : null;
        if (!base || !arch || !installsPackages(model, source))
            continue;
        for (const p of platforms.filter((x) => x.arch !== arch)) {
            const name = p.id;
            out.push({
                platform: name,
                diagnosis: diagnosis('foreign-binaries', `\`${copy.text}\` (${fileLine(copy)}) copies into the ${name} image what pip installed in stage ${base.alias ?? source}, which \`${base.text}\` (${fileLine(base)}) builds for ${pinText(base.pin, buildArch)}: its compiled modules (TensorFlow's, NumPy's) are linux/${arch} binaries that a ${name} interpreter cannot load.`, `Build stage ${base.alias ?? source} for the target: drop --platform from the FROM at ${fileLine(base)} (or use --platform=$TARGETPLATFORM), or install the packages in the final stage; copy from a $BUILDPLATFORM stage only what does not depend on the architecture.`, copy),
            });
        }
    }
    return out;
}
/** The indexes of a stage and of the stages it builds on. */
function chainIndexes(model, stageIndex) {
    return stageChain(model, stageIndex).map((s) => s.index);
}
/** Whether a stage (or one it builds on) runs pip or creates a venv: architecture-specific output. */
function installsPackages(model, stageIndex) {
    const indexes = chainIndexes(model, stageIndex);
    return (model.pipInstalls.some((x) => indexes.includes(x.stageIndex)) ||
        model.venvs.some((x) => indexes.includes(x.stageIndex)));
}

;// CONCATENATED MODULE: ./src/lint/bases.ts





// What a base image's name and tag tell before it is pulled: Alpine, an architecture in the tag
// (no such tag), the Python version, a system Python that pip may not install into.
/** Base images: Alpine (musl), and a per-architecture tag that does not exist. */
function baseImages(model) {
    const out = [];
    for (const s of model.stages) {
        const f = s.from;
        if (f.stage)
            continue;
        if (/(^|\/)alpine$/.test(f.name) || /alpine/i.test(f.tag ?? '')) {
            out.push(everywhere(diagnosis('musl-base-image', `FROM ${f.ref} is Alpine (musl libc); TensorFlow publishes only manylinux (glibc) wheels, so pip finds none, and grpcio or h5py compile from source for a long time first.`, glibcBase(pythonOfImage('python', (f.tag ?? '').replace(/-?alpine.*$/, '')) ?? '3.12'), f)));
        }
        const clean = multiArchTag(f.tag);
        if (f.tag && clean !== null) {
            out.push(everywhere(diagnosis('base-image-not-found', `FROM ${f.ref} names an architecture in its tag; official images publish one multi-arch tag per version, not per-architecture tags, so this tag does not exist and the build stops at "not found".`, `Use the multi-arch tag (FROM ${f.name}:${clean}) and let --platform pick the architecture${/arm64|aarch64/i.test(f.tag) ? `, or the arm64v8/${f.name.replace(/^library\//, '')}:${clean} namespace` : ''}.`, f)));
        }
    }
    return out;
}
/** PEP 668: pip into the system Python of Debian 12+ / Ubuntu 23.04+. */
function externallyManaged(model) {
    for (const pip of model.pipInstalls) {
        const base = baseOf(model, pip.stageIndex);
        if (!base || pip.venv || pip.breakSystem || !pep668Base(base.name, base.tag))
            continue;
        // The first such pip is where the build stops: one finding.
        return [
            everywhere(diagnosis('externally-managed-environment', `pip install into the system Python of ${base.ref}, which marks it externally managed (PEP 668): pip stops with "error: externally-managed-environment".`, SYSTEM_PYTHON_VENV, pip)),
        ];
    }
    return [];
}

;// CONCATENATED MODULE: ./src/lint/environment.ts



// What the final image's environment and ENTRYPOINT decide before anything is built: a Keras
// backend or Keras 2 asked for and never installed, an ENTRYPOINT script that cannot start.
/** Keras 3's backends, and the package each needs besides TensorFlow. */
const environment_BACKENDS = {
    tensorflow: null,
    torch: 'torch',
    jax: 'jax',
    numpy: 'scipy',
    openvino: 'openvino',
};
function environmentFindings(model, entrypoint) {
    const out = [];
    const all = (d) => void out.push({ platform: null, diagnosis: d });
    const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index));
    const env = (name) => model.envs.findLast((e) => e.name === name && chain.has(e.stageIndex));
    const installs = (name) => model.requirements.some((r) => r.name === name && chain.has(r.stageIndex));
    const backend = env('KERAS_BACKEND');
    if (backend && backend.value !== '' && !backend.value.includes('$')) {
        const value = backend.value;
        if (!(value in environment_BACKENDS)) {
            all(diagnosis('keras-backend-invalid', `ENV KERAS_BACKEND=${value} names no Keras 3 backend: Keras stops with "Unable to import backend : ${value}" as soon as TensorFlow loads it.`, KERAS_BACKEND_INVALID, backend));
        }
        else {
            const needs = environment_BACKENDS[value];
            if (needs && !installs(needs))
                all(diagnosis('keras-backend-missing', `ENV KERAS_BACKEND=${value} makes Keras 3 use ${needs}, and nothing in the Dockerfile or its requirements installs ${needs}: tf.keras then fails with "No module named '${needs}'".`, kerasBackendMissing(needs), backend));
        }
    }
    const legacy = env('TF_USE_LEGACY_KERAS');
    if (legacy && /^(1|true)$/i.test(legacy.value) && !installs('tf-keras'))
        all(diagnosis('tf-keras-missing', `ENV TF_USE_LEGACY_KERAS=${legacy.value} makes tf.keras Keras 2, from the tf-keras package, and nothing installs tf-keras: tf.keras then fails with "Keras cannot be imported".`, TF_KERAS_MISSING, legacy));
    if (entrypoint) {
        const where = { file: entrypoint.copy.file, line: entrypoint.copy.line };
        if (entrypoint.facts.crlf)
            all(diagnosis('entrypoint-not-runnable', `The ENTRYPOINT script ${entrypoint.file} (copied to ${entrypoint.path}) has Windows line endings: the kernel looks for "${entrypoint.facts.shebang ?? '/bin/sh'}\\r" and the container stops with "exec ${entrypoint.path}: no such file or directory".`, 'Save it with Unix line endings (dos2unix; in git, `*.sh text eol=lf` in .gitattributes).', where));
        const mode = entrypoint.copyMode;
        if (mode !== null && /^0?[0-7]{3,4}$/.test(mode) && (parseInt(mode, 8) & 0o100) === 0)
            all(diagnosis('entrypoint-not-runnable', `COPY --chmod=${mode} makes the ENTRYPOINT script ${entrypoint.path} not executable: every docker run of the image fails with "exec: \\"${entrypoint.path}\\": permission denied".`, `Use --chmod=0755 (or RUN chmod +x ${entrypoint.path}).`, where));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/runtime.ts




// How the built image runs: a CMD/ENTRYPOINT that needs a shell it does not get, and a venv that
// the image's python never uses.
/** Exec-form CMD / ENTRYPOINT with shell syntax. */
function runtime_execFormShell(model) {
    const out = [];
    for (const c of model.cmds) {
        const first = c.args?.[0];
        if (!c.args || first === undefined)
            continue;
        const joined = c.args.join(' ');
        if (/^(\.|source)(\s|$)/.test(first) ||
            /&&|\|\||(^|\s)(\.|source)\s+\S*activate/.test(joined) ||
            /\$\{?[A-Za-z_]/.test(joined)) {
            out.push(everywhere(diagnosis('exec-form-shell', `${c.keyword} ${JSON.stringify(c.args)} is exec form: Docker runs "${first}" as a program, with no shell to understand ". activate", "&&" or "$VARS"; the container fails with exec: "${first.split(' ')[0]}": executable file not found.`, execFormShell(c.keyword), c)));
        }
    }
    return out;
}
/** Venvs that the image's python never uses: TensorFlow's, and activations that end their RUN. */
function venvsOffPath(model, { entrypoint }) {
    const out = [];
    // A venv the ENTRYPOINT script activates is the one every command run through it uses.
    const pathHas = (venv) => model.paths.some((p) => p.value.split(':').some((x) => x.replace(/\/+$/, '') === `${venv}/bin`)) ||
        (entrypoint?.facts.execsArgs === true && entrypoint.facts.venvs.includes(venv));
    const cmdUses = (venv) => model.cmds.some((c) => (c.args?.[0] ?? '').startsWith(`${venv}/bin/`));
    const reported = new Set();
    // TensorFlow's venvs before the activations, because they share `reported`: a venv is reported
    // once, where TensorFlow goes into it, and not again where a RUN activates it.
    for (const r of model.requirements.filter((x) => isTensorFlow(x) && x.venv)) {
        const venv = r.venv;
        if (reported.has(venv) || pathHas(venv))
            continue;
        reported.add(venv);
        const viaCmd = cmdUses(venv)
            ? ` (the ${model.cmds.at(-1)?.keyword} calls ${venv}/bin/python, but docker run, tests and other entrypoints do not)`
            : '';
        out.push(everywhere(diagnosis('venv-not-on-path', `TensorFlow is installed into the venv ${venv} (${r.file}:${r.line}), but PATH never includes ${venv}/bin, so the image's python is the system one and import tensorflow fails${viaCmd}.`, venvOnPath(venv), r.file === model.file
            ? r
            : (model.pipInstalls.find((x) => x.venv === venv) ??
                model.venvs.find((v) => v.path === venv) ??
                r))));
    }
    for (const a of model.danglingActivations) {
        if (reported.has(a.path) || pathHas(a.path))
            continue;
        reported.add(a.path);
        out.push(everywhere(diagnosis('venv-not-on-path', `RUN . ${a.path}/bin/activate at line ${a.line} ends its RUN: the activation lasts only for that shell and does not carry over to later RUNs or to the container.`, `Replace it with ENV PATH="${a.path}/bin:$PATH".`, a)));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/rules.ts








// Findings before anything is built, in milliseconds. Each says what it saw, where, and the
// concrete edit. A finding for every platform goes to the top level; one for a platform, to it.
// fix/ and the tests use these helpers of the rules by this module's name.
/** Images that would not be the platform they are built for. */
function imageArchitecture(model, ctx) {
    return architectureFindings(model, ctx.platforms, ctx.buildArch);
}
/** What the final image's environment and ENTRYPOINT script decide. */
function imageEnvironment(model, ctx) {
    return environmentFindings(model, ctx.entrypoint);
}
// The rules in the order of their findings. The order is the report's, and explain.ts's: a log's
// diagnosis takes the first static finding of its id, and the root causes lead in this order.
const RULES = [
    // imageArchitecture before baseImages because an image of another platform is wrong whatever
    // it is built from: that is the finding to read first.
    imageArchitecture,
    // baseImages before requirements because an Alpine or missing base breaks every install, a
    // package with no wheel only its own.
    baseImages,
    // platformsWithoutTensorFlow before requirements because such a platform is not built at all
    // (skipBuild): that is its whole story, and requirements has no wheels to look up for it.
    platformsWithoutTensorFlow,
    requirements,
    runtime_execFormShell,
    venvsOffPath,
    externallyManaged,
    // imageEnvironment because its Keras and ENTRYPOINT findings are about running an image
    // that has installed what it asks for.
    imageEnvironment,
    // The GPU rules last because a GPU is asked of an image that first has to install and import
    // TensorFlow at all. None of them fails a build: and-cuda-without-cuda is advisory.
    andCudaWithoutCuda,
    tensorflowCpuWithGpus,
    gpuDevicesHidden,
];
function lintDockerfile(model, platforms, buildArch = hostArch(), entrypoint = null, gpu = NO_GPUS) {
    const ctx = { platforms, buildArch, entrypoint, ...gpu };
    return dedupe(RULES.flatMap((rule) => rule(model, ctx)));
}
// After every rule, because a finding can come twice (a requirements file that two RUNs install):
// the first of an id at one place for one platform stays.
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const k = JSON.stringify([f.platform, f.diagnosis.id, f.diagnosis.file, f.diagnosis.line]);
        return seen.has(k) ? false : (seen.add(k), true);
    });
}

;// CONCATENATED MODULE: ./src/lint/index.ts








const MAX_FILE = 1024 * 1024;
const readFromDisk = (path) => {
    try {
        if ((0,external_node_fs_namespaceObject.statSync)(path).size > MAX_FILE)
            return null;
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch {
        return null;
    }
};
/**
 * Reads the Dockerfile and the requirement files it installs from the context, then lints.
 * `read` is the disk, or a copy of the project with an edit applied (fix/index.ts).
 */
function lintProject(opts, 
/** What $BUILDPLATFORM means: the builder's architecture (default: this machine's). */
buildArch, read = readFromDisk) {
    const readContext = (path) => {
        const full = (0,external_node_path_namespaceObject.resolve)(opts.contextPath, path);
        // Only files inside the build context: a requirements path cannot read the rest of the disk.
        if (full !== opts.contextPath && !full.startsWith(opts.contextPath + external_node_path_namespaceObject.sep))
            return null;
        return read(full);
    };
    // The reader's copy, else the disk itself (whose error says why it cannot be read).
    const dockerfile = read(opts.dockerfilePath) ?? (0,external_node_fs_namespaceObject.readFileSync)(opts.dockerfilePath, 'utf8');
    const model = parseDockerfile({
        dockerfile,
        file: opts.dockerfile,
        readContext,
        showContext: (path) => showPath(opts.base, (0,external_node_path_namespaceObject.resolve)(opts.contextPath, path)),
        buildArgs: opts.buildArgs,
        ...(opts.target ? { target: opts.target } : {}),
    });
    const entrypoint = entrypointScript(model, readContext, (path) => showPath(opts.base, (0,external_node_path_namespaceObject.resolve)(opts.contextPath, path)));
    const gpu = { gpus: opts.gpus ?? null, gpuReady: opts.gpuReady ?? 'auto' };
    return {
        model,
        entrypoint,
        findings: lintDockerfile(model, opts.platforms, buildArch, entrypoint, gpu),
        gpuIntent: gpuIntent(model),
    };
}
/** Finds a requirement, the final FROM or a CMD in the project, for a diagnosis's file and line. */
function locator(model) {
    return {
        requirement: (name) => {
            const r = model?.requirements.find((x) => x.name === name);
            return r ? { file: r.file, line: r.line } : null;
        },
        from: model ? (baseOf(model, model.finalStage) ?? null) : null,
        env: (name) => {
            if (!model)
                return null;
            const chain = new Set(stageChain(model, model.finalStage).map((s) => s.index));
            const e = model.envs.findLast((x) => x.name === name && chain.has(x.stageIndex));
            return e ? { file: e.file, line: e.line } : null;
        },
        entrypoint: model ? (finalEntrypoint(model) ?? null) : null,
        command: (program) => {
            const cmds = model?.cmds ?? [];
            const c = cmds.findLast((x) => x.args?.[0] === program) ?? cmds.at(-1);
            return c ? { file: c.file, line: c.line } : null;
        },
    };
}

;// CONCATENATED MODULE: ./src/config/table.ts
// Every option of the action and the CLI, in one table: the action's input, the CLI's flag, the
// default and a line of help. action.yml, the README's input and flag tables are checked
// against it (__tests__/config.test.ts); the CLI's flags and usage text are made from it.
// The values are parsed in check.ts and report.ts, each by its input name.
const OPTIONS = {
    mode: { input: 'mode', flag: null, default: 'check', help: 'check, or report results files' },
    context: {
        input: 'context',
        flag: null,
        default: '.',
        help: 'the build context, a directory (the CLI takes it as its argument)',
    },
    file: {
        input: 'file',
        flag: '--file',
        short: 'f',
        arg: 'PATH',
        default: '',
        shownDefault: '`<context>/Dockerfile`',
        help: 'the Dockerfile',
    },
    image: {
        input: 'image',
        flag: '--image',
        arg: 'REF',
        default: '',
        shownDefault: 'none: build the Dockerfile',
        help: 'check this image (a local tag or a registry reference) instead of building',
    },
    platforms: {
        input: 'platforms',
        flag: '--platforms',
        arg: 'LIST',
        default: 'linux/amd64,linux/arm64',
        help: 'platforms to check',
    },
    'build-args': {
        input: 'build-args',
        flag: '--build-arg',
        arg: 'KEY=VALUE',
        repeatable: true,
        default: '',
        help: 'a build argument; repeat for more',
    },
    target: {
        input: 'target',
        flag: '--target',
        arg: 'STAGE',
        default: '',
        help: 'the build stage to check',
    },
    builder: {
        input: 'builder',
        flag: '--builder',
        arg: 'NAME',
        default: '',
        shownDefault: 'current builder',
        help: 'a buildx builder',
    },
    python: {
        input: 'python',
        flag: '--python',
        arg: 'PATH',
        default: '',
        shownDefault: "`python`, else `python3`, on the image's PATH",
        help: 'the interpreter in the image',
    },
    train: {
        input: 'train',
        flag: '--no-train',
        sets: 'false',
        default: 'true',
        help: 'import TensorFlow only; skip the training step',
    },
    start: {
        input: 'start',
        flag: '--start',
        arg: 'SECONDS',
        default: 'off',
        help: "start the image's own ENTRYPOINT/CMD: it must exit 0 or still run after SECONDS",
    },
    run: {
        input: 'run',
        flag: '--run',
        arg: 'CMD',
        default: '',
        shownDefault: 'none',
        help: "your own test: a shell command run in every platform's image after training",
    },
    gpus: {
        input: 'gpus',
        flag: '--gpus',
        arg: 'GPUS',
        default: 'off',
        help: "GPUs for the check's container (all, a count, device=0,1, or CDI names): TensorFlow must list them and train on one",
    },
    'gpu-ready': {
        input: 'gpu-ready',
        flag: '--gpu-ready',
        arg: 'MODE',
        default: 'auto',
        help: 'whether the image could use an NVIDIA GPU, checked without one: auto (images that show GPU intent), report, required, off',
    },
    'timeout-minutes': {
        input: 'timeout-minutes',
        flag: '--timeout',
        arg: 'MINUTES',
        // Emulated arm64 runs Python 10-25x slower than native; a pip install of TensorFlow plus
        // an import and a short training run take minutes there.
        default: '60',
        help: 'per platform',
    },
    'stall-minutes': {
        input: 'stall-minutes',
        flag: '--stall-minutes',
        arg: 'MINUTES',
        // The longest silence measured in a cold arm64 TensorFlow install under QEMU was 70 s.
        default: '10',
        help: 'a build silent this long is reported as stalled, and diagnosed so at the timeout; off: never',
    },
    'required-platforms': {
        input: 'required-platforms',
        flag: '--required-platforms',
        arg: 'LIST',
        default: '',
        shownDefault: 'every platform',
        help: 'platforms whose failure fails the check',
    },
    'setup-qemu': {
        input: 'setup-qemu',
        flag: '--setup-qemu',
        arg: 'auto|true|false',
        default: 'auto',
        help: 'register QEMU for emulated platforms',
    },
    'qemu-image': {
        input: 'qemu-image',
        flag: '--qemu-image',
        arg: 'IMAGE',
        default: 'tonistiigi/binfmt:qemu-v10.2.3-68',
        help: 'the binfmt installer image',
    },
    'max-parallel': {
        input: 'max-parallel',
        flag: '--max-parallel',
        arg: 'N',
        // Every platform at once (the emulated one dominates; the native ones hide under it).
        default: '4',
        help: 'platforms checked at once',
    },
    'cache-from': {
        input: 'cache-from',
        flag: '--cache-from',
        arg: 'SPEC',
        repeatable: true,
        default: '',
        help: 'a buildx cache source (repeatable), e.g. type=registry,ref=...',
    },
    'cache-to': {
        input: 'cache-to',
        flag: '--cache-to',
        arg: 'SPEC',
        repeatable: true,
        default: '',
        help: 'a buildx cache target (repeatable); not with the docker driver on the classic store',
    },
    network: {
        input: 'network',
        flag: '--network',
        sets: 'true',
        default: 'false',
        help: "give the check's container a network (off by default)",
    },
    memory: {
        input: 'memory',
        flag: '--memory',
        arg: 'SIZE',
        // Untrusted code runs in that container: bounded by default. TensorFlow's import and the
        // training step need well under 2 GiB, under QEMU too.
        default: '4g',
        help: "memory limit of the check's container; none: no limit",
    },
    results: { input: 'results', flag: null, default: '', help: 'report mode: results files' },
    runners: {
        input: 'runners',
        flag: null,
        default: 'linux/amd64=ubuntu-24.04,linux/arm64=ubuntu-24.04-arm',
        help: 'the reusable workflow: the runner that checks each platform',
    },
    emulate: {
        input: 'emulate',
        flag: null,
        default: 'auto',
        help: 'the reusable workflow: check under QEMU a platform whose runner never starts (auto), or not (never)',
    },
    'runner-wait-minutes': {
        input: 'runner-wait-minutes',
        flag: null,
        default: '10',
        help: 'the reusable workflow: how long a job may wait for its runner before it is said never to start',
    },
    'github-token': {
        input: 'github-token',
        flag: null,
        default: '${{ github.token }}',
        help: 'for the comment and the statuses',
    },
    comment: { input: 'comment', flag: null, default: 'auto', help: 'the sticky PR comment' },
    'comment-header': {
        input: 'comment-header',
        flag: null,
        default: '',
        help: 'names this configuration',
    },
    statuses: {
        input: 'statuses',
        flag: null,
        default: 'true',
        help: 'a commit status per platform',
    },
    suggestions: {
        input: 'suggestions',
        flag: null,
        default: 'auto',
        help: 'one-click fixes as suggested changes on the PR',
    },
    fix: {
        input: null,
        flag: '--fix',
        arg: '[=dry-run]',
        bare: 'write',
        default: '',
        help: 'write the fixes to the files (after showing the diff); =dry-run: only show the diff',
    },
    'lint-only': {
        input: null,
        flag: '--lint-only',
        default: '',
        help: 'only the static checks of the Dockerfile and requirements (no Docker)',
    },
    json: { input: null, flag: '--json', arg: 'FILE', default: '', help: 'write the results JSON' },
    markdown: {
        input: null,
        flag: '--markdown',
        arg: 'FILE',
        default: '',
        help: 'write the markdown report',
    },
    'keep-images': {
        input: null,
        flag: '--keep-images',
        default: '',
        help: 'keep the per-platform images (removed by default)',
    },
    verbose: {
        input: null,
        flag: '--verbose',
        short: 'v',
        default: '',
        help: 'stream build and container output instead of progress lines',
    },
    quiet: {
        input: null,
        flag: '--quiet',
        short: 'q',
        default: '',
        help: 'no progress lines: warnings, then the table alone',
    },
    help: { input: null, flag: '--help', short: 'h', default: '', help: 'this help' },
    version: { input: null, flag: '--version', default: '', help: 'the version' },
};
/** An option's default as the README and usage show it (markdown): "every platform", `4g`. */
function shownDefault(o) {
    return o.shownDefault ?? (o.default ? `\`${o.default}\`` : '');
}
/** An option's default: an empty or missing value means it. */
function defaultOf(name) {
    return OPTIONS[name].default;
}
/** How the CLI names an option in its messages: its flag (null for the context, its argument). */
function flagOf(name) {
    return OPTIONS[name]?.flag ?? null;
}

;// CONCATENATED MODULE: ./src/config/values.ts


/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(raw, name) {
    const v = raw.trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError(name, `'${raw}' is not a boolean; use true or false`);
}
function parseTimeoutMinutes(raw, name = 'timeout-minutes') {
    const v = raw.trim();
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n <= 0) {
        throw new InputError(name, `'${raw}' is not a positive number of minutes; e.g. 60 (emulated arm64 needs tens of minutes)`);
    }
    return n;
}
function parsePositiveInt(raw, name, example) {
    const v = raw.trim();
    if (!/^[0-9]+$/.test(v) || Number(v) < 1) {
        throw new InputError(name, `'${raw}' is not a whole number of at least 1; e.g. ${example}`);
    }
    return Number(v);
}
function parseSetupQemu(raw) {
    const v = raw.trim().toLowerCase();
    if (v === 'auto' || v === 'true' || v === 'false')
        return v;
    throw new InputError('setup-qemu', `'${raw}' is not one of auto, true, false`);
}
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * One KEY=value per line (the value may itself contain '='). A bare KEY, which Docker would
 * fill from the environment, is refused: it would hand the runner's environment to the build.
 */
function parseBuildArgs(raw, name = 'build-args') {
    const out = [];
    for (const line of raw.split('\n')) {
        const item = line.trim();
        if (item === '' || item.startsWith('#'))
            continue;
        const eq = item.indexOf('=');
        const key = eq === -1 ? item : item.slice(0, eq);
        if (eq === -1 || !BUILD_ARG_NAME.test(key)) {
            throw new InputError(name, `'${item}' is not KEY=value; write one build argument per line, e.g. PYTHON_VERSION=3.11`);
        }
        out.push([key, item.slice(eq + 1)]);
    }
    return out;
}
const MEMORY = /^([0-9]+(?:\.[0-9]+)?)([bkmg]?)$/i;
const UNIT = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
/** Docker refuses a memory limit under 6 MiB. */
const MIN_MEMORY = 6 * 2 ** 20;
/** A memory limit in Docker's notation; `none` lifts it (undefined: no --memory flag). */
function parseMemory(raw) {
    const v = raw.trim();
    if (v.toLowerCase() === 'none')
        return undefined;
    const m = MEMORY.exec(v);
    if (!m) {
        throw new InputError('memory', `'${raw}' is not a size; e.g. 4g or 2048m, or none for no limit`);
    }
    const bytes = Number(m[1]) * UNIT[m[2].toLowerCase()];
    if (bytes < MIN_MEMORY) {
        throw new InputError('memory', `'${raw}' is below Docker's minimum of 6m (and TensorFlow needs about 1g); e.g. 4g, or none for no limit`);
    }
    return v;
}
/** One buildx cache spec per line, e.g. type=gha or type=registry,ref=ghcr.io/o/r:cache. */
function parseCacheList(raw, name) {
    const out = [];
    for (const line of raw.split('\n')) {
        const v = line.trim();
        if (v === '')
            continue;
        if (!/^type=[a-z0-9-]+(,[A-Za-z0-9_.-]+=[^,]*)*$/.test(v) && !/^[^\s,=]+$/.test(v)) {
            throw new InputError(name, `'${v}' is not a buildx cache spec; write e.g. type=gha, or type=registry,ref=ghcr.io/owner/repo:cache`);
        }
        out.push(v);
    }
    return out;
}
/** The cache type of a spec: type=gha -> gha; a bare reference is a registry. */
function cacheType(spec) {
    return /^type=([a-z0-9-]+)/.exec(spec)?.[1] ?? 'registry';
}
/** The image input: a reference Docker accepts (a local tag, a registry reference, an image ID). */
function parseImage(raw) {
    if (raw.trim() === '')
        return null;
    const ref = parseReference(raw);
    if (ref)
        return ref;
    throw new InputError('image', `'${raw.trim()}' is not an image reference; e.g. ghcr.io/org/app:1.2, app:local, or an image ID (sha256:...); names are lower case`);
}
/** off, or a positive number (of the unit `example` shows); the message names the fix. */
function offOrPositive(raw, name, example) {
    const v = raw.trim().toLowerCase();
    if (v === 'off')
        return null;
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n <= 0)
        throw new InputError(name, `'${raw}' is neither off nor a positive number ${example}`);
    return n;
}
/** The start input: off, or the seconds the image's own start gets before it counts as a server. */
function parseStart(raw) {
    return offOrPositive(raw, 'start', 'of seconds; e.g. 30 (the image must exit 0 or still be running by then)');
}
/** stall-minutes: off, or the minutes a build may print nothing before it is said to be stalled. */
function parseStallMinutes(raw) {
    return offOrPositive(raw, 'stall-minutes', 'of minutes; e.g. 10 (a build that prints nothing that long is reported)');
}

;// CONCATENATED MODULE: ./src/config/check.ts






/**
 * The platforms required-platforms names; null when it is empty (then every one is required);
 * `none`: no platform's failure fails the job.
 */
function parseRequiredList(raw) {
    if (raw.trim() === '')
        return null;
    if (raw.trim().toLowerCase() === 'none')
        return new Set();
    return new Set(parsePlatformList(raw, 'required-platforms').map((p) => p.id));
}
/** required-platforms for a check: every platform by default; only platforms that are checked. */
function parseRequired(raw, platforms) {
    const all = platforms.map((p) => p.id);
    const required = parseRequiredList(raw);
    if (required === null)
        return new Set(all);
    for (const r of required) {
        if (!all.includes(r)) {
            throw new InputError('required-platforms', `'${r}' is not among the platforms checked (${all.join(', ')}); add it to platforms or drop it here`);
        }
    }
    return required;
}
/** Every option, validated; throws InputError before any Docker work starts. */
function parseOptions(raw, cwd) {
    // An empty or missing value is the option's default (table.ts).
    const get = (k) => {
        const v = raw[k];
        return v === undefined || v.trim() === '' ? defaultOf(k) : v;
    };
    const platforms = parsePlatformList(get('platforms'));
    const image = parseImage(get('image'));
    if (image)
        refuseBuildOptions(raw);
    const paths = resolveContext(get('context'), get('file'), cwd, image !== null);
    const target = get('target').trim();
    const builder = get('builder').trim();
    const python = get('python').trim();
    const memory = parseMemory(get('memory'));
    return {
        ...paths,
        ...(image ? { image } : {}),
        platforms,
        required: parseRequired(get('required-platforms'), platforms),
        buildArgs: parseBuildArgs(get('build-args')),
        ...(target ? { target } : {}),
        ...(builder ? { builder } : {}),
        ...(python ? { python } : {}),
        train: parseBoolean(get('train'), 'train'),
        start: parseStart(get('start')),
        run: get('run').trim() === '' ? null : get('run'),
        gpus: parseGpus(get('gpus')),
        gpuReady: parseGpuReady(get('gpu-ready')),
        timeoutMinutes: parseTimeoutMinutes(get('timeout-minutes')),
        stallMinutes: parseStallMinutes(get('stall-minutes')),
        setupQemu: parseSetupQemu(get('setup-qemu')),
        qemuImage: get('qemu-image').trim(),
        maxParallel: parsePositiveInt(get('max-parallel'), 'max-parallel', '2'),
        network: parseBoolean(get('network'), 'network'),
        ...(memory ? { memory } : {}),
        cacheFrom: parseCacheList(get('cache-from'), 'cache-from'),
        cacheTo: parseCacheList(get('cache-to'), 'cache-to'),
    };
}
/** An existing image is checked as it is: the options that only shape a build are a mistake. */
function refuseBuildOptions(raw) {
    for (const name of ['build-args', 'target', 'cache-from', 'cache-to']) {
        if ((raw[name] ?? '').trim() === '')
            continue;
        const flag = flagOf(name);
        throw new InputError('image', `an existing image is checked without a build, so ${name}${flag ? ` (${flag})` : ''} does not apply; drop ${name}, or drop image to build the Dockerfile`);
    }
}
/**
 * Whether platforms run one at a time. Then the log can group each platform's stages with their
 * output live; in parallel, output lines carry their platform instead.
 */
function oneAtATime(opts) {
    return Math.min(opts.maxParallel, opts.platforms.length) === 1;
}

;// CONCATENATED MODULE: ./src/engine/stage.ts


/** Lines of each stage's log kept in the results. */
const LOG_TAIL_LINES = 40;
function imageTag(runId, p) {
    return imagePrefix(runId) + platformSlug(p);
}
function containerName(runId, p) {
    return containerPrefix(runId) + platformSlug(p);
}
/** Whether the stage's output went into a log group (one platform at a time) or goes out tagged. */
async function inGroup(ctx, what, run) {
    if (!ctx.grouped)
        return run();
    ctx.deps.log.startGroup(`${ctx.platform.id} · ${what}${ctx.emulated ? ' (QEMU)' : ''}`);
    try {
        return await run();
    }
    finally {
        ctx.deps.log.endGroup();
    }
}

;// CONCATENATED MODULE: ./src/engine/output.ts
// What is kept of a process's output and how it ended: tails for the results, and the signal
// behind an exit code.


/** The last `lines` lines of a log, as one string. */
function tailText(lines, count) {
    return lines.slice(-count).join('\n');
}
/**
 * The signal a container's exit code stands for: Docker reports a process killed by signal N
 * as exit code 128 + N (137 SIGKILL, 139 SIGSEGV, 132 SIGILL).
 */
function signalFromExitCode(code) {
    if (code === null || code === undefined || code <= 128 || code > 128 + 64)
        return null;
    const n = code - 128;
    const entry = Object.entries(external_node_os_namespaceObject.constants.signals).find(([, v]) => v === n);
    return entry ? entry[0] : null;
}
/**
 * The tail of a failed build's log that a reviewer needs: buildx ends a failure with a summary
 * (the step's last lines again, a Dockerfile excerpt; longer since buildx 0.25) that can push the
 * decisive line (pip's `error: externally-managed-environment`) out of a short tail. So the tail
 * ends at the failed step's own `#N ERROR:` line, and the client's closing `ERROR:` line follows.
 */
function failedBuildTail(lines, count) {
    const stepError = lines.findLastIndex((l) => /^#\d+ ERROR: /.test(l));
    if (stepError < 0)
        return tailText(lines, count);
    const closing = lines.slice(stepError + 1).findLast((l) => /^ERROR: /.test(l));
    const head = lines.slice(0, stepError + 1).slice(-(closing ? count - 1 : count));
    return [...head, ...(closing ? [closing] : [])].join('\n');
}
/**
 * The cause of a stage that ran a process (a build, a pull, a container) and did not pass: the
 * one place it is decided. The order is that of the reasons the stages write beside it, so the
 * word and the sentence agree: a timeout first, then what the check reported, then the memory,
 * a cancel, a signal, docker itself, and last the exit code.
 */
function causeOf(status, e) {
    if (status === 'passed' || status === 'skipped')
        return undefined;
    if (status === 'timed-out')
        return 'timeout';
    if (e.reported)
        return 'error';
    if (e.oomKilled)
        return 'oom';
    if (e.aborted)
        return 'cancelled';
    if (e.signal)
        return 'signal';
    if (e.spawnFailed)
        return 'docker';
    return 'exit';
}
/**
 * A stage that is one docker command (a build, a pull): decided by its exit, with the reason
 * for anything but a pass; `failure` words a non-zero exit from the command's output.
 */
function commandStage(res, what, timeoutMinutes, log, failure) {
    const status = res.timedOut ? 'timed-out' : res.exitCode === 0 ? 'passed' : 'failed';
    const cause = causeOf(status, { aborted: res.aborted, spawnFailed: res.spawnError !== undefined });
    return {
        status,
        durationMs: res.durationMs,
        log,
        exitCode: res.exitCode,
        ...(res.timedOut
            ? { reason: `the ${what} ran longer than timeout-minutes (${timeoutMinutes})` }
            : res.aborted
                ? { reason: 'cancelled' }
                : res.spawnError
                    ? { reason: describeFailure(res) }
                    : res.exitCode !== 0
                        ? { reason: failure(res.tail) }
                        : {}),
        ...(cause ? { cause } : {}),
    };
}

;// CONCATENATED MODULE: ./src/engine/retry.ts
/** QEMU's own words when the emulator, not the program, crashed. */
const EMULATOR_CRASH = /qemu: uncaught target signal|qemu: unhandled CPU exception/;
/**
 * Runs an emulated stage once more when QEMU itself crashed and the stage failed; both attempts
 * are reported (the first under `attempts`). Anything else is answered as it came.
 */
async function withRetry(ctx, what, run) {
    const first = await run();
    if (!ctx.emulated || ctx.deps.signal?.aborted)
        return first;
    if (!first.lines.some((l) => EMULATOR_CRASH.test(l)))
        return first;
    const results = Object.values(first.results);
    if (!results.some((r) => r.status === 'failed' || r.status === 'timed-out'))
        return first;
    ctx.deps.log.warning(`${ctx.platform.id}: QEMU crashed during ${what}; running it once more`);
    const second = await run();
    const strip = ({ attempts: _a, ...rest }) => rest;
    for (const [name, result] of Object.entries(second.results)) {
        const before = first.results[name];
        if (before)
            result.attempts = [strip(before)];
    }
    return second;
}

;// CONCATENATED MODULE: ./src/engine/stages/verify.ts

// The proof that what was checked is the platform (results/verdict.ts decides; these apply it
// as the stages go, so that nothing runs on, or is counted for, the wrong machine).
/**
 * Before any container runs: the image's own configuration must declare the platform (Docker
 * would run an amd64 image as amd64 on this host, whatever --platform says). Records the
 * configuration in the state; `made` is the stage that produced the image, failed when it is not.
 * `of`: read that platform's image of a multi-platform local one (the one its containers run).
 */
async function verifyImage(ctx, state, made, of) {
    state.image = await ctx.deps.docker.imageConfig(ctx.tag, of);
    const wrong = imageMismatch(ctx.platform.id, state.image);
    if (!wrong)
        return made;
    ctx.deps.log.warning(`${ctx.platform.id}: ${wrong}`);
    const failed = Object.fromEntries(Object.entries(made.results).map(([name, r]) => [
        name,
        { ...r, status: 'failed', reason: wrong, cause: 'not-the-platform' },
    ]));
    return {
        ...made,
        results: failed,
        // An unreadable configuration fails closed, but proves no other platform: no such claim.
        evidence: { ...made.evidence, ...(state.image ? { wrongArchitecture: wrong } : {}) },
        skipReason: `the image is not ${ctx.platform.id}`,
    };
}
/**
 * After a container ran: it must have run as the platform (uname and the interpreter's ELF
 * header). A green import on another machine proves nothing: it fails, and a training step
 * that passed there is not counted.
 */
function verifyMachine(ctx, state, ran) {
    const imported = ran.results.import;
    const wrong = state.environment.machine !== null || imported?.status === 'passed'
        ? machineMismatch(ctx.platform, state.environment)
        : null;
    if (!wrong)
        return ran;
    ctx.deps.log.warning(`${ctx.platform.id}: ${wrong}`);
    const results = { ...ran.results };
    if (imported?.status === 'passed') {
        results.import = { ...imported, status: 'failed', reason: wrong, cause: 'not-the-platform' };
        if (results.train?.status === 'passed')
            results.train = {
                ...results.train,
                status: 'skipped',
                reason: `not counted: ${wrong}`,
                cause: 'not-the-platform',
            };
    }
    return {
        ...ran,
        results,
        evidence: {
            ...ran.evidence,
            // BuildKit records the target platform in the configuration, whatever the base image
            // is; what ran says otherwise.
            wrongArchitecture: `${wrong}, although the image's configuration declares ${ctx.platform.id}`,
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/builder.ts

// Whether the builder a build runs on can still make progress. A docker-container builder runs
// BuildKit in a container of its own (setup-buildx-action's default): that container can be
// killed (out of memory; buildx's restart policy then starts it again), paused or wedged while
// the engine answers on, and then the build says nothing of the image. Asked when a build goes
// silent, and after one fails.
/** How long BuildKit gets to answer `docker buildx inspect` before it counts as wedged. */
const ASK_BUILDER_MS = 30_000;
/** A `docker buildx inspect` that failed outright is asked again after this long. */
const ASK_AGAIN_MS = 5_000;
async function builderBaseline(deps, builder) {
    const name = buildkitContainer(builder);
    const state = name ? await deps.docker.containerState(name) : null;
    return {
        name: builder.name,
        driver: builder.driver,
        running: builder.nodes.filter((n) => n.status === 'running').map((n) => n.name),
        container: name && state?.running && !state.paused ? { name, startedAt: state.startedAt } : null,
    };
}
/** Why its BuildKit container cannot be serving the build; null when it can, or it cannot tell. */
async function containerDown(deps, b) {
    if (!b.container)
        return null;
    const { name, startedAt } = b.container;
    const state = await deps.docker.containerState(name);
    if (!state)
        return null;
    const oom = state.oomKilled ? ', killed for using too much memory' : '';
    if (state.paused)
        return `has its BuildKit container paused (${name})`;
    if (!state.running)
        return `lost its BuildKit container (${name} exited with code ${state.exitCode ?? 'unknown'}${oom})`;
    if (state.startedAt !== startedAt)
        return `lost its BuildKit container during the build (${name} was started again at ${state.startedAt}${oom})`;
    return null;
}
/**
 * Why the builder cannot be making progress, in words that follow "the builder 'x' ..."; null
 * when it answers, or nothing certain can be said.
 */
async function builderDown(deps, b) {
    const container = await containerDown(deps, b);
    if (container)
        return container;
    let answer = await deps.docker.askBuilder(b.name, ASK_BUILDER_MS, deps.signal);
    if (!answer.info && !answer.timedOut && !deps.signal?.aborted) {
        await new Promise((r) => setTimeout(r, ASK_AGAIN_MS));
        answer = await deps.docker.askBuilder(b.name, ASK_BUILDER_MS, deps.signal);
    }
    if (deps.signal?.aborted)
        return null;
    if (!answer.info)
        return answer.timedOut
            ? `did not answer docker buildx inspect within ${ASK_BUILDER_MS / 1000} s`
            : `could not be asked (docker buildx inspect: ${answer.error})`;
    const down = answer.info.nodes.find((n) => b.running.includes(n.name) && (n.error || n.status !== 'running'));
    if (!down)
        return null;
    return down.error
        ? `could not be asked about its node ${down.name} (${down.error})`
        : `has its node ${down.name} ${down.status || 'not running'}`;
}

;// CONCATENATED MODULE: ./src/engine/cache.ts


// Which cache-from entries a platform's build gets. Each is read under the platform's own name
// and as given (docker/cache.ts). buildx skips a local cache directory that is not there with a
// warning, but fails the whole build when the directory's index.json has no manifest under the
// tag asked for ("local cache importer requires either explicit digest, "latest" tag or custom
// tag on index.json"): a cache written for other platforms, or under other tags, would fail a
// build that works. Such a source is left out, and said.
/** The tags of a local cache directory's index.json; null when there is none to read. */
function localCacheTags(dir) {
    try {
        const index = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(`${dir}/index.json`, 'utf8'));
        return (index.manifests ?? []).flatMap((m) => {
            const name = m.annotations?.['org.opencontainers.image.ref.name'];
            return name ? [name] : [];
        });
    }
    catch {
        return null;
    }
}
function platformSources(specs, platform, tagsOf = localCacheTags) {
    const out = { sources: [], missing: [] };
    for (const source of specs.flatMap((s) => cacheSources(s, platform))) {
        const local = localImport(source);
        const tags = local ? tagsOf(local.src) : null;
        if (local && tags && !tags.includes(local.tag))
            out.missing.push(source);
        else
            out.sources.push(source);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/docker/steps.ts
// BuildKit's plain progress output, read as it arrives: which steps are running. A step starts
// with `#8 [4/5] RUN pip install ...` (or `#1 [internal] load build definition from Dockerfile`)
// and ends with `#8 DONE 12.3s`, `#8 CACHED`, `#8 ERROR: ...` or `#8 CANCELED`.
const STEP_START = /^#(\d+) (\[[^\]]+\] .+)$/;
const STEP_END = /^#(\d+) (DONE|CACHED|ERROR|CANCELED)\b/;
class StepTracker {
    /** The steps running, by id, in the order they started. */
    running = new Map();
    /** Reads one line of the build's output. */
    line(text) {
        const t = text.trimEnd();
        let m;
        if ((m = STEP_END.exec(t)))
            this.running.delete(m[1]);
        else if ((m = STEP_START.exec(t))) {
            this.running.delete(m[1]);
            this.running.set(m[1], m[2]);
        }
    }
    /** The latest step started that has not ended, or null. */
    current() {
        return [...this.running.values()].at(-1) ?? null;
    }
    clear() {
        this.running.clear();
    }
}

;// CONCATENATED MODULE: ./src/engine/watch.ts



/** Whether the engine answers; undefined when the check is being cancelled. */
async function engineReachable(deps) {
    if (deps.signal?.aborted)
        return undefined;
    try {
        await deps.docker.serverVersion();
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Watches a build's output. A silence of stall-minutes is said at once in the log, with the
 * step and whether the engine answers; the build runs on until its timeout, unless the builder,
 * asked then, cannot be making progress (builder.ts): then it is stopped there.
 */
function watchBuild(ctx, builder) {
    const now = ctx.deps.now ?? Date.now;
    const steps = new StepTracker();
    let lastLine = now();
    /** The silence said in the log: since when, at which step, and when output came again. */
    let silence = null;
    const ms = ctx.opts.stallMinutes === null ? null : ctx.opts.stallMinutes * 60_000;
    const stop = new AbortController();
    let stoppedBy = null;
    let ended = false;
    /** Whether what was asked still matters: the silence goes on, the build and the check run. */
    const stillSilent = (s) => !ended && s.until === null && !ctx.deps.signal?.aborted;
    const onIdle = async () => {
        const step = steps.current();
        const current = { since: lastLine, step, until: null };
        silence = current;
        const answers = await engineReachable(ctx.deps);
        if (answers === undefined || !stillSilent(current))
            return;
        const down = answers && builder ? await builderDown(ctx.deps, builder) : null;
        if (!stillSilent(current))
            return;
        if (down && builder) {
            stoppedBy = { step, silentMs: now() - current.since, builderDown: down };
            ctx.deps.log.warning(`${ctx.platform.id}: the build has printed nothing for ${formatDuration(stoppedBy.silentMs)}${step ? ` at ${step}` : ''}, and the builder '${builder.name}' ${down}: stopping the build now rather than wait out timeout-minutes (${ctx.opts.timeoutMinutes}).`);
            stop.abort();
            return;
        }
        ctx.deps.log.warning(`${ctx.platform.id}: the build has printed nothing for ${formatDuration(now() - lastLine)}${step ? ` at ${step}` : ''}; ` +
            (answers
                ? `the Docker engine still answers${builder ? ', and so does the builder' : ''}, so that step is making no progress. `
                : 'the Docker engine does not answer either. ') +
            `If it stays silent until timeout-minutes (${ctx.opts.timeoutMinutes}), the platform fails as builder-stalled; a wedged builder is cleared by restarting the engine or the builder.`);
    };
    return {
        line(text) {
            steps.line(text);
            lastLine = now();
            if (silence && silence.until === null) {
                silence.until = lastLine;
                if (lastLine < ctx.deadline)
                    ctx.deps.log.info(`${ctx.platform.id}: the build is printing again`);
            }
        },
        idle: ms === null
            ? undefined
            : {
                ms,
                onIdle: () => void onIdle().catch((e) => ctx.deps.log.info(`${ctx.platform.id}: the builder could not be asked (${String(e)})`)),
            },
        stalledAt(at) {
            if (!silence || (silence.until !== null && silence.until < at))
                return null;
            return { step: silence.step, silentMs: at - silence.since };
        },
        signal: stop.signal,
        stopped: () => stoppedBy,
        done() {
            ended = true;
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/stages/build.ts









/** Builds the platform's image (an emulator crash is retried once), then proves it is the platform. */
const build = async (ctx, state) => {
    ctx.deps.onCreate?.('image', ctx.tag);
    const run = await withRetry(ctx, 'build', () => runBuild(ctx));
    const result = run.results.build;
    ctx.deps.log.info(`${ctx.platform.id}: build ${result.status} in ${seconds(result.durationMs)}`);
    if (result.status !== 'passed')
        return { ...run, skipReason: 'the build did not pass' };
    return verifyImage(ctx, state, run);
};
async function runBuild(ctx) {
    const { opts, deps } = ctx;
    const platform = ctx.platform.id;
    const now = deps.now ?? Date.now;
    const base = ctx.builder ? await builderBaseline(deps, ctx.builder) : null;
    const watch = watchBuild(ctx, base);
    const cache = platformSources(opts.cacheFrom, platform);
    for (const source of cache.missing)
        deps.log.info(`${platform}: cache-from ${source}: no cache there for this tag yet; not read`);
    const signal = deps.signal ? AbortSignal.any([deps.signal, watch.signal]) : watch.signal;
    const build = await inGroup(ctx, 'build', () => deps.docker.build({
        context: opts.contextPath,
        file: opts.dockerfilePath,
        platform,
        tag: ctx.tag,
        runId: deps.runId,
        buildArgs: opts.buildArgs,
        ...(opts.target ? { target: opts.target } : {}),
        ...(opts.builder ? { builder: opts.builder } : {}),
        cacheFrom: cache.sources,
        cacheTo: opts.cacheTo,
    }, {
        timeoutMs: ctx.deadline - now(),
        signal,
        onLine: (l) => {
            watch.line(l);
            deps.log.output(l, platform);
        },
        ...(watch.idle ? { idle: watch.idle } : {}),
    })).finally(() => watch.done());
    const log = build.exitCode === 0 || build.timedOut
        ? tailText(build.tail, LOG_TAIL_LINES)
        : failedBuildTail(build.tail, LOG_TAIL_LINES);
    const stage = commandStage(build, 'build', opts.timeoutMinutes, log, buildFailureReason);
    const silent = (s) => `no output for ${formatDuration(s.silentMs)}${s.step ? ` at ${s.step}` : ''}`;
    // Silent, and the builder could not be making progress: stopped there, not waited out.
    const stopped = build.aborted && !deps.signal?.aborted ? watch.stopped() : null;
    if (stopped?.builderDown && base) {
        const builder = { name: base.name, driver: base.driver, down: stopped.builderDown };
        const reason = `${silent(stopped)}, and the builder ${builder.down}`;
        const down = { ...stage, status: 'failed', reason, cause: 'builder' };
        const stalled = { step: stopped.step, silentMs: stopped.silentMs };
        return { results: { build: down }, lines: build.tail, evidence: { stalled, builder } };
    }
    // Silent until the timeout: the builder stopped making progress, and the reason says where.
    const stalled = build.timedOut ? watch.stalledAt(Math.min(ctx.deadline, now())) : null;
    if (stalled) {
        stage.reason = `${silent(stalled)}, until timeout-minutes (${opts.timeoutMinutes})`;
        return { results: { build: stage }, lines: build.tail, evidence: { stalled } };
    }
    // A build that failed at once, the engine still there: was it the builder (its BuildKit
    // container killed under it)? A lost engine is the engine's (docker-engine-lost), and finding
    // the builder down can take long enough for the engine to go too: it is asked again then. Its
    // last answer is the evidence's.
    const answers = stage.status === 'failed' && !build.aborted && base ? await engineReachable(deps) : undefined;
    const lost = answers && base ? await build_builderLost(deps, base, build.tail) : null;
    const last = lost ? await engineReachable(deps) : answers;
    if (!lost || !base || !last) {
        const evidence = last === undefined ? {} : { engineReachable: last };
        return { results: { build: stage }, lines: build.tail, evidence };
    }
    const failed = { ...stage, reason: `the builder ${lost}`, cause: 'builder' };
    const builder = { name: base.name, driver: base.driver, down: lost };
    return {
        results: { build: failed },
        lines: build.tail,
        evidence: { builder, engineReachable: last },
    };
}
/**
 * Why the builder failed the build, if it did. The client can report BuildKit's connection lost
 * before the engine has seen its container exit (or start again): then it is asked once more.
 */
async function build_builderLost(deps, base, tail) {
    const first = await builderDown(deps, base);
    if (first || !tail.some((l) => ENGINE_LOST.test(l)))
        return first;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return builderDown(deps, base);
}
/** How long the engine gets to see a BuildKit container gone that the client already saw. */
const SETTLE_MS = 2_000;
/** The step that failed, as BuildKit reports it: "ERROR: process "/bin/sh -c pip install ..." did not complete successfully: exit code: 1". */
function buildFailureReason(tail) {
    const err = [...tail].reverse().find((l) => /^ERROR:|^error:/.test(l.trim()));
    const text = (err ?? 'the build failed').trim().replace(/^ERROR:\s*/, '');
    return truncate(text, 200);
}

;// CONCATENATED MODULE: ./src/engine/stages/pull.ts







/**
 * With the image input, instead of the build: the platform's image, found in the engine's store
 * or pulled by its manifest's digest (no tag is created or moved); then proven to be the platform
 * before any container runs. An image without the platform fails here, and nothing runs.
 */
const pull = async (ctx, state) => {
    const plan = ctx.image;
    const source = plan.platforms.get(ctx.platform.id);
    if (!source) {
        const why = `${plan.ref.ref} has no ${ctx.platform.id} image (it has ${plan.has.join(', ') || 'none this check can read'})`;
        ctx.deps.log.warning(`${ctx.platform.id}: ${why}`);
        return {
            results: { pull: { ...emptyStage('failed', why, 'no-platform-image'), log: why } },
            lines: [],
            evidence: {
                imagePlatforms: { ref: plan.ref.ref, has: plan.has, registryError: plan.registryError },
            },
            skipReason: `the image has no ${ctx.platform.id} image`,
        };
    }
    if (source.from === 'local') {
        const found = `${source.run} for ${ctx.platform.id}, from the engine's image store`;
        ctx.deps.log.info(`${ctx.platform.id}: image ${found}`);
        const made = { results: { pull: { ...emptyStage('passed'), log: found } }, lines: [] };
        // A multi-platform image in the containerd store holds several: inspect this one.
        return verifyImage(ctx, state, made, ctx.platform.id);
    }
    const run = await withRetry(ctx, 'pull', () => runPull(ctx, source.run));
    const result = run.results.pull;
    ctx.deps.log.info(`${ctx.platform.id}: pull ${result.status} in ${seconds(result.durationMs)}`);
    if (result.status !== 'passed')
        return { ...run, skipReason: 'the pull did not pass' };
    return verifyImage(ctx, state, run);
};
async function runPull(ctx, ref) {
    const { deps } = ctx;
    const platform = ctx.platform.id;
    const now = deps.now ?? Date.now;
    const res = await inGroup(ctx, 'pull', () => deps.docker.pull(ref, platform, {
        timeoutMs: ctx.deadline - now(),
        signal: deps.signal,
        onLine: (l) => deps.log.output(l, platform),
    }));
    const log = tailText([`docker pull --platform ${platform} ${ref}`, ...res.tail], LOG_TAIL_LINES);
    const stage = commandStage(res, 'pull', ctx.opts.timeoutMinutes, log, () => describeFailure(res, 1).replace(/\s+/g, ' ').slice(0, 200));
    return { results: { pull: stage }, lines: res.tail };
}

;// CONCATENATED MODULE: ./src/engine/stages/container.ts



function containerSpec(ctx, stage) {
    return {
        tag: ctx.tag,
        platform: ctx.platform.id,
        name: `${containerName(ctx.deps.runId, ctx.platform)}-${stage}`,
        runId: ctx.deps.runId,
        network: ctx.opts.network,
        ...(ctx.opts.memory ? { memory: ctx.opts.memory } : {}),
        // Your own test gets the GPUs the import-and-train container had (none under QEMU).
        ...(stage === 'run' && ctx.opts.gpus && !ctx.emulated ? { gpus: ctx.opts.gpus } : {}),
    };
}
/**
 * Runs the container for at most `windowMs` (the platform's deadline
 * first); answers how it ended. A window that closes is no failure by itself: `stillRunning`
 * says the container outlived it.
 */
async function runContainer(ctx, stage, container, windowMs) {
    const { deps } = ctx;
    const platform = ctx.platform.id;
    const now = deps.now ?? Date.now;
    const left = ctx.deadline - now();
    const name = container.spec.name;
    deps.onCreate?.('container', name);
    const { res, state } = await inGroup(ctx, stage, async () => {
        const res = await deps.docker.container(container, {
            timeoutMs: Math.min(windowMs, left),
            signal: deps.signal,
            onLine: (l) => deps.log.output(l, platform),
        });
        const state = await deps.docker.containerState(name);
        if (state?.running)
            await deps.docker.kill(name);
        await deps.docker.removeContainers([name]);
        return { res, state };
    });
    const stillRunning = res.timedOut && state?.running === true;
    const exitCode = stillRunning ? null : (state?.exitCode ?? res.exitCode);
    const lines = state?.error ? [...res.tail, state.error] : res.tail;
    const cutByDeadline = res.timedOut && left < windowMs;
    const status = cutByDeadline
        ? 'timed-out'
        : stillRunning || (exitCode === 0 && !res.aborted)
            ? 'passed'
            : 'failed';
    const signal = signalFromExitCode(exitCode);
    const cause = causeOf(status, {
        oomKilled: state?.oomKilled ?? false,
        aborted: res.aborted,
        signal,
        spawnFailed: res.spawnError !== undefined,
    });
    const result = {
        status,
        durationMs: res.durationMs,
        log: tailText(lines, LOG_TAIL_LINES),
        exitCode,
        signal,
        ...(cutByDeadline
            ? { reason: `timeout-minutes (${ctx.opts.timeoutMinutes}) ran out during the ${stage}` }
            : res.aborted
                ? { reason: 'cancelled' }
                : res.spawnError
                    ? { reason: describeFailure(res) }
                    : {}),
        ...(cause ? { cause } : {}),
    };
    return { result, stillRunning, lines };
}
/** The stage's answer to the pipeline, from how its container ended. */
function answer(stage, ended, reason) {
    const result = reason && !ended.result.reason ? { ...ended.result, reason } : ended.result;
    return {
        results: { [stage]: result },
        lines: ended.lines,
        skipReason: `the ${stage} did not pass`,
    };
}

;// CONCATENATED MODULE: ./src/engine/stages/run.ts



/**
 * The team's own test: the run input as a shell command in the platform's image, in its WORKDIR
 * and as its USER, with the check container's confinement, started as the import was: through
 * the ENTRYPOINT when that is how users run commands in the image. Its exit status decides; it has what is
 * left of the platform's timeout-minutes.
 */
const run = async (ctx, state) => {
    const command = ctx.opts.run;
    const spec = containerSpec(ctx, 'run');
    const ended = await runContainer(ctx, 'run', { kind: 'run', spec: { ...spec, command }, through: state.through ?? REPLACED }, Number.POSITIVE_INFINITY);
    const how = `exited with ${ended.result.exitCode ?? '?'} after ${seconds(ended.result.durationMs)}`;
    ctx.deps.log.info(`${ctx.platform.id}: run ${ended.result.status}: ${how}`);
    return { ...answer('run', ended, how), evidence: { command } };
};

;// CONCATENATED MODULE: ./src/results/invocation.ts
// How the check was started in an image, said in words: in logs, the comment and the summary.
function describeInvocation(i) {
    const ep = JSON.stringify(i.entrypoint);
    return i.how === 'entrypoint'
        ? `through the image's ENTRYPOINT ${ep}`
        : i.how === 'replaced'
            ? `with the image's ENTRYPOINT ${ep} replaced`
            : "as the image's command (it has no ENTRYPOINT)";
}
/**
 * When the two ways to start a command in the image disagree: TensorFlow imports only through
 * the ENTRYPOINT (a `docker run --entrypoint`, a Kubernetes `command:` or `docker exec` bypasses
 * it), or only without it (the ENTRYPOINT breaks it). Null when they agree or only one was tried.
 */
function invocationNote(p) {
    const i = p.invocation;
    if (!i || i.how !== 'entrypoint' || !i.bypassed)
        return null;
    const through = p.stages.import.status === 'passed';
    if (through === i.bypassed.imported)
        return null;
    const ep = JSON.stringify(i.entrypoint);
    return through
        ? `TensorFlow imports only through the ENTRYPOINT ${ep}: started without it (docker run --entrypoint, a Kubernetes command:, docker exec) it does not${i.bypassed.line ? ` (${i.bypassed.line})` : ''}.`
        : `TensorFlow imports when the ENTRYPOINT ${ep} is bypassed, but not through it, as users run the image: the ENTRYPOINT breaks it.`;
}
/** One line per platform whose ENTRYPOINT decided how it was checked. */
function invocationLines(platforms) {
    return platforms.flatMap((p) => {
        const i = p.invocation;
        if (!i || i.how === 'direct')
            return [];
        const note = invocationNote(p);
        return [
            `${p.platform}: checked ${describeInvocation(i)}: ${i.reason}.${note ? ` ${note}` : ''}`,
        ];
    });
}

;// CONCATENATED MODULE: ./src/engine/invocation.ts
const SHELLS = /^(sh|bash|dash|ash|zsh|ksh|busybox)$/;
const PYTHON = /^python(3(\.\d+)?)?$/;
/** Programs that run the program their arguments name, and how many words of their own they take first. */
const WRAPPERS = {
    tini: 'options',
    'tini-static': 'options',
    'dumb-init': 'options',
    catatonit: 'options',
    setpriv: 'options',
    gosu: 'user',
    'su-exec': 'user',
    's6-setuidgid': 'user',
    env: 'env',
};
/** Wrapper options that take the next word as their value. */
const VALUED = new Set(['-r', '--rewrite', '-p', '-e', '-u', '-g']);
const base = (word) => word.split('/').at(-1) ?? word;
/**
 * How to run the check in this image. `python`: the python input, an interpreter the user named,
 * which replaces an interpreter ENTRYPOINT but runs through a wrapper.
 */
function planInvocation(image, script, python) {
    const ep = image?.entrypoint?.filter((w) => w !== '') ?? [];
    if (ep.length === 0)
        return {
            how: 'direct',
            entrypoint: null,
            reason: 'the image has no ENTRYPOINT: the check is the command, as `docker run IMAGE python` runs it',
            form: 'args',
        };
    const r = { ep, shown: JSON.stringify(ep), script, python };
    // Each word either decides the plan or names the word of the program it runs.
    for (let i = 0; i < ep.length;) {
        const step = readWord(r, i);
        if (typeof step !== 'number')
            return step;
        i = step;
    }
    return untold(r);
}
function plan(r, how, reason, form = 'args') {
    return { how, entrypoint: r.ep, reason, form };
}
function readWord(r, i) {
    const word = r.ep[i];
    const prog = base(word);
    const wrapper = Object.hasOwn(WRAPPERS, prog) ? WRAPPERS[prog] : undefined;
    if (wrapper)
        return wrapperStep(r, i, prog, wrapper);
    if (SHELLS.test(prog))
        return shellStep(r, i);
    if (PYTHON.test(prog))
        return pythonStep(r, i);
    return scriptPlan(r, word) ?? untold(r);
}
/** A wrapper runs the program after its own words; with none after them, the check's command. */
function wrapperStep(r, i, prog, kind) {
    const next = afterWrapper(r.ep, i, kind);
    if (next >= r.ep.length)
        return plan(r, 'entrypoint', `the ENTRYPOINT ${r.shown} runs its arguments (${prog})`);
    return next;
}
/** A shell: alone it takes -c and a string, with -c last it takes the string, else a script file. */
function shellStep(r, i) {
    const ep = r.ep;
    let j = i + 1;
    while (j < ep.length && ep[j].startsWith('-') && ep[j] !== '-c')
        j++;
    if (j >= ep.length)
        return plan(r, 'entrypoint', `the ENTRYPOINT ${r.shown} is a shell: the check is its -c command`, 'shell-c');
    if (ep[j] === '-c')
        return j === ep.length - 1
            ? plan(r, 'entrypoint', `the ENTRYPOINT ${r.shown} runs its argument as a shell command`, 'shell')
            : plan(r, 'try', `the ENTRYPOINT ${r.shown} runs a shell command of its own`);
    return j; // a script file, run by the shell
}
/** An interpreter with a script or module is the application; alone, it takes the check's script. */
function pythonStep(r, i) {
    const ep = r.ep;
    let j = i + 1;
    while (j < ep.length && /^-[^cm-]/.test(ep[j]))
        j += /^-[WX]$/.test(ep[j]) ? 2 : 1;
    if (j < ep.length)
        return plan(r, 'replaced', `the ENTRYPOINT ${r.shown} is the application itself; the check replaces it`);
    return r.python
        ? plan(r, 'replaced', `the ENTRYPOINT ${r.shown} is an interpreter; the python input replaces it`)
        : plan(r, 'entrypoint', `the ENTRYPOINT ${r.shown} is the interpreter users run scripts with`, 'python');
}
/** The ENTRYPOINT script the build context has, by what it does with its arguments. */
function scriptPlan(r, word) {
    const script = r.script;
    // A program named without a directory is the script when PATH finds it under that name.
    const isScript = script && (word === script.path || (!word.includes('/') && base(script.path) === word));
    if (!script || !isScript)
        return null;
    if (script.facts.execsArgs)
        return plan(r, 'entrypoint', `the ENTRYPOINT script ${word} ends by running its arguments (exec "$@")`);
    if (!script.facts.usesArgs)
        return plan(r, 'replaced', `the ENTRYPOINT script ${word} never runs its arguments; the check replaces it`);
    return plan(r, 'try', `the ENTRYPOINT script ${word} reads its arguments but does not plainly exec them`);
}
function untold(r) {
    return plan(r, 'try', `whether the ENTRYPOINT ${r.shown} runs its arguments cannot be told from the image`);
}
/** The index of the program a wrapper runs: after its options (and user, or NAME=value words). */
function afterWrapper(ep, i, kind) {
    let j = i + 1;
    if (kind === 'user')
        return j + 1;
    while (j < ep.length) {
        const w = ep[j];
        if (w === '--')
            return j + 1;
        if (VALUED.has(w))
            j += 2;
        else if (w.startsWith('-') || (kind === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)))
            j++;
        else
            break;
    }
    return j;
}

;// CONCATENATED MODULE: ./src/engine/stages/start.ts


/**
 * How much longer an emulated platform's start gets: QEMU runs Python 10-25 times slower than
 * native (DOMAIN.md), so a server that is up in 3 s natively may need 30 s under emulation.
 */
const EMULATED_START_FACTOR = 10;
/**
 * The image started as its users start it (its own ENTRYPOINT and CMD, the check container's
 * confinement): it passes when it exits 0 within the start window, or is still running when the
 * window closes (a server; it is then stopped).
 */
const start = async (ctx) => {
    const window = ctx.opts.start * (ctx.emulated ? EMULATED_START_FACTOR : 1);
    const spec = containerSpec(ctx, 'start');
    const ended = await runContainer(ctx, 'start', { kind: 'start', spec }, window * 1000);
    const how = ended.stillRunning
        ? `still running after ${window} s${ctx.emulated ? ` (${ctx.opts.start} s, ${EMULATED_START_FACTOR}x under QEMU)` : ''}: stopped`
        : `exited with ${ended.result.exitCode ?? '?'} after ${seconds(ended.result.durationMs)}`;
    ctx.deps.log.info(`${ctx.platform.id}: start ${ended.result.status}: ${how}`);
    return answer('start', ended, how);
};

;// CONCATENATED MODULE: ./src/engine/stages/smoke-events.ts





// From what the smoke container printed to the import and train stages: pure, so that it is
// tested on recorded output. The runner (smoke.ts) only records and times the lines.
/** Output kept per phase: a container printing without end costs a bounded tail, not memory. */
const KEEP_LINES = 400;
/** Records one line of the container's output; answers its event when it is a marker line. */
function smoke_events_record(recorded, line, at) {
    const event = parseSmokeLine(line);
    if (event) {
        recorded.events.push({ event, at });
        return event;
    }
    const imported = recorded.events.some((e) => e.event.stage === 'import');
    const lines = imported ? recorded.trainLines : recorded.importLines;
    lines.push(line);
    if (lines.length > KEEP_LINES)
        lines.shift();
    return null;
}
/** The tail of everything the container printed, before the import and after it. */
function wholeLog(recorded) {
    return tailText([...recorded.importLines, ...recorded.trainLines], LOG_TAIL_LINES);
}
function emptyRecorded() {
    return { events: [], importLines: [], trainLines: [] };
}
function readEvents(recorded) {
    const environment = emptyEnvironment();
    let training = null;
    let probe = null;
    let variables = {};
    let importAt = null;
    let importOk = null;
    let trainAt = null;
    let trainOk = null;
    for (const { event, at } of recorded.events) {
        if (event.stage === 'start') {
            environment.machine = event.machine ?? null;
            environment.python = event.python ?? null;
            environment.executable = event.executable ?? null;
            environment.interpreter = event.elf ? archOfElf(event.elf) : null;
            if (event.env)
                variables = event.env;
        }
        else if (event.stage === 'import') {
            importAt = at;
            importOk = event.ok === true;
            if (event.ok) {
                environment.tensorflow = event.tensorflow ?? null;
                environment.numpy = event.numpy ?? null;
                environment.keras = event.keras ?? null;
            }
        }
        else if (event.stage === 'probe') {
            probe = probeOf(event);
        }
        else if (event.stage === 'train') {
            trainAt = at;
            trainOk = event.ok === true;
            if (event.ok) {
                training = {
                    steps: event.steps ?? 0,
                    loss: event.loss ?? [],
                    examplesPerSecond: event.examplesPerSecond ?? 0,
                };
                if (event.keras)
                    environment.keras = event.keras;
            }
        }
    }
    return { environment, training, probe, variables, importAt, importOk, trainAt, trainOk };
}
/** The import and train stages, and what the image told of itself, from the recorded output. */
function stagesFromEvents(recorded, exit, opts) {
    const { importAt, importOk, trainAt, trainOk, ...told } = readEvents(recorded);
    const ends = { importAt, importOk, trainAt, trainOk };
    const timeoutReason = `the container ran longer than what was left of timeout-minutes (${opts.timeoutMinutes})`;
    const train = !opts.train
        ? emptyStage('skipped', 'train is false', 'turned-off')
        : importOk !== true
            ? emptyStage('skipped', 'TensorFlow did not import', 'not-reached')
            : trainStage(recorded, exit, ends, timeoutReason);
    return { import: importStage(recorded, exit, ends, timeoutReason), train, ...told };
}
/** Why the process ended, when the exit says it was ended from outside (or never started). */
function crash(exit) {
    return exit.oomKilled
        ? 'the container was killed for using too much memory (OOM)'
        : exit.aborted
            ? 'cancelled'
            : exit.signal
                ? `the process was killed by ${exit.signal}`
                : exit.spawnFailure;
}
function ending(exit, reported) {
    return {
        reported,
        oomKilled: exit.oomKilled,
        aborted: exit.aborted,
        signal: exit.signal,
        spawnFailed: exit.spawnFailure !== undefined,
    };
}
function importStage(recorded, exit, { importAt, importOk }, timeoutReason) {
    const { exitCode, signal } = exit;
    const durationMs = (importAt ?? exit.endedAt) - exit.startedAt;
    if (importOk === true)
        return {
            status: 'passed',
            durationMs,
            log: tailText(recorded.importLines, LOG_TAIL_LINES),
            exitCode: 0,
            signal: null,
        };
    const status = exit.timedOut && importAt === null ? 'timed-out' : 'failed';
    return {
        status,
        durationMs,
        // stdout and stderr are separate pipes: a traceback may arrive after the marker line
        // that reports the failed import, so a failed import owns every line printed.
        log: wholeLog(recorded),
        exitCode,
        signal,
        reason: exit.timedOut && importAt === null
            ? timeoutReason
            : importOk === false
                ? 'TensorFlow did not import'
                : (crash(exit) ?? `the container exited with ${exitCode} before TensorFlow was imported`),
        cause: causeOf(status, ending(exit, importOk === false)),
    };
}
/** The train stage of a run whose import passed. */
function trainStage(recorded, exit, { importAt, trainAt, trainOk }, timeoutReason) {
    const { exitCode, signal } = exit;
    const status = trainOk === true ? 'passed' : exit.timedOut && trainAt === null ? 'timed-out' : 'failed';
    const cause = causeOf(status, ending(exit, trainOk === false));
    return {
        status,
        durationMs: (trainAt ?? exit.endedAt) - (importAt ?? exit.endedAt),
        log: tailText(recorded.trainLines, LOG_TAIL_LINES),
        exitCode,
        signal,
        ...(trainOk !== true
            ? {
                reason: exit.timedOut && trainAt === null
                    ? timeoutReason
                    : trainOk === false
                        ? 'the training step raised an error'
                        : (crash(exit) ?? `the container exited with ${exitCode} during training`),
            }
            : {}),
        ...(cause ? { cause } : {}),
    };
}
function probeOf(event) {
    return {
        tensorflowDirs: event.tensorflowDirs ?? [],
        venvs: event.venvs ?? [],
        sysPath: event.sysPath ?? [],
        prefix: event.prefix ?? null,
        path: event.path ?? null,
        glibc: event.glibc ?? null,
        foreignBinaries: (event.foreignBinaries ?? []).map((b) => ({
            file: b.file,
            arch: archOfElf(b),
        })),
        binariesChecked: event.binariesChecked ?? 0,
        foreignCount: event.foreignCount ?? 0,
    };
}
/** An ELF header's architecture; one the tool does not know is named by its number, never taken for a match. */
function archOfElf(h) {
    return elfArch(h) ?? `unknown (ELF machine ${h.machine}, ${h.bits}-bit)`;
}

;// CONCATENATED MODULE: ./src/engine/stages/gpu.ts



function gpuFacts(recorded) {
    let ready = null;
    let gpu = null;
    let trained;
    for (const { event } of recorded.events) {
        if (event.stage === 'ready')
            ready = event;
        else if (event.stage === 'gpu')
            gpu = event;
        else if (event.stage === 'train')
            trained = event.ok ? (event.device ?? null) : null;
    }
    return {
        build: buildOf(ready?.build) ?? buildOf(gpu?.build),
        ready,
        gpu,
        // The training step's own device when it ran; the placed computation only without training.
        trainedOn: trained !== undefined ? trained : (gpu?.computedOn ?? null),
    };
}
function buildOf(b) {
    if (!b || b.error !== undefined || b.cuda === undefined)
        return null;
    return {
        cuda: b.cuda,
        cudaVersion: b.cudaVersion ?? null,
        cudnnVersion: b.cudnnVersion ?? null,
        computeCapabilities: b.computeCapabilities ?? null,
    };
}
/** The GPU stage and what TensorFlow saw, for a platform checked with gpus. */
function gpuStage(facts, request, c) {
    const check = {
        requested: request.value,
        devices: facts.gpu?.devices ?? null,
        trainedOn: facts.trainedOn,
    };
    if (c.emulated)
        return {
            stage: emptyStage('skipped', `GPUs cannot be used under QEMU: ${c.platform} is emulated on this runner, so its GPU check needs a ${c.platform} machine with a GPU`, 'emulated'),
            check: { ...check, devices: null, trainedOn: null },
        };
    if (!c.reached)
        return {
            stage: emptyStage('skipped', 'TensorFlow did not import and train', 'not-reached'),
            check,
        };
    const problem = gpuProblem(check);
    const stage = problem
        ? emptyStage('failed', problem, 'no-gpu')
        : emptyStage('passed');
    return { stage, check };
}
/**
 * GPU readiness, or null when it is not to be said: gpu-ready off, or auto for an image that
 * shows no GPU intent (neither its Dockerfile, nor the gpus option, nor what is installed).
 */
function readinessOf(facts, mode, staticIntent) {
    if (mode === 'off')
        return null;
    const intent = staticIntent ?? runtimeIntent(facts.ready);
    if (mode === 'auto' && intent === null)
        return null;
    const libraries = (facts.ready?.libraries ?? []).map((l) => ({ ...l }));
    const hiddenBy = hidingVariable(facts.ready?.env ?? {});
    const reason = facts.ready
        ? readinessProblem(facts.build, libraries, hiddenBy)
        : 'not established: the check container did not report it (it did not run, or TensorFlow did not import)';
    return {
        required: mode === 'required',
        ready: reason === null,
        reason,
        libraries,
        hiddenBy,
        intent,
    };
}
/** What the image itself shows of GPU intent: the nvidia-* wheels, a CUDA install, CUDA_VERSION. */
function runtimeIntent(ready) {
    if (!ready)
        return null;
    const nvidia = ready.nvidiaPackages ?? [];
    if (nvidia.length > 0)
        return `the nvidia-* packages ${nvidia.slice(0, 4).join(', ')}${nvidia.length > 4 ? ', ...' : ''} are installed`;
    if (ready.cudaHome)
        return '/usr/local/cuda is in the image';
    const cuda = ready.env?.CUDA_VERSION;
    if (cuda)
        return `the image sets CUDA_VERSION=${cuda}`;
    return null;
}

;// CONCATENATED MODULE: ./src/engine/stages/smoke.ts













/**
 * How long a kept ENTRYPOINT gets to hand over to the check (its first line, printed as Python
 * starts), natively; 10x under QEMU, like start. One that waits for a service, or runs its own
 * program instead, is then replaced, and the reason said.
 */
const ENTRYPOINT_WINDOW_S = 20;
/** Docker's or the kernel's refusal to start the ENTRYPOINT itself: what users would hit too. */
const ENTRYPOINT_NOT_STARTED = /exec:? "?[^"\s:]+"?: (permission denied|no such file or directory)|failed to create task for container|OCI runtime (create|exec) failed/;
/**
 * Imports TensorFlow and runs the training step, in one container start, started the way the
 * image's users start commands (engine/invocation.ts); proves where it ran.
 */
const smoke = async (ctx, state) => {
    const { opts, deps } = ctx;
    const platform = ctx.platform.id;
    const plan = planInvocation(state.image, ctx.script, opts.python ?? undefined);
    const kept = through(plan);
    let run = await withRetry(ctx, 'import and train', () => runSmoke(ctx, kept, opts.train, kept.keep));
    let invocation = {
        how: plan.how === 'try' ? 'entrypoint' : plan.how,
        entrypoint: plan.entrypoint,
        reason: plan.reason,
    };
    if (run.handedOver === false) {
        invocation = {
            how: 'replaced',
            entrypoint: plan.entrypoint,
            reason: `the ENTRYPOINT ${JSON.stringify(plan.entrypoint)} never ran the check's command (${run.why}); the check replaced it`,
        };
        deps.log.info(`${platform}: ${invocation.reason}`);
        run = await withRetry(ctx, 'import and train', () => runSmoke(ctx, REPLACED, opts.train, false));
    }
    if (invocation.how === 'entrypoint') {
        // The other way, import only: what `docker run --entrypoint python IMAGE`, a Kubernetes
        // `command:` or `docker exec` would see. It decides nothing; it is said.
        const other = await runSmoke(ctx, REPLACED, false, false, true);
        invocation.bypassed = {
            imported: other.results.import?.status === 'passed',
            line: other.results.import?.status === 'passed' ? null : failureLine(other.lines),
        };
    }
    deps.log.info(`${platform}: the check ran ${describeInvocation(invocation)}`);
    state.invocation = invocation;
    state.through = invocation.how === 'entrypoint' ? through(plan) : REPLACED;
    state.environment = run.stages.environment;
    state.training = run.stages.training;
    const checked = withGpus(ctx, state, verifyMachine(ctx, state, run), run);
    const imported = checked.results.import;
    const train = checked.results.train;
    deps.log.info(`${platform}: import ${imported.status} (${seconds(imported.durationMs)}), train ${train.status}` +
        (train.status === 'skipped' ? '' : ` (${seconds(train.durationMs)})`));
    return checked;
};
/**
 * The GPU stage (gpus) and the readiness (gpu-ready), from what the container found, into the
 * state and the run's results; the facts go with the evidence for a diagnosis.
 */
function withGpus(ctx, state, checked, run) {
    const { opts } = ctx;
    const facts = gpuFacts(run.recorded);
    if (facts.build)
        state.environment.tensorflowBuild = facts.build;
    const intent = ctx.gpuIntent ?? (opts.gpus ? `gpus is ${opts.gpus.value}` : null);
    state.gpuReady = readinessOf(facts, opts.gpuReady, intent);
    const results = { ...checked.results };
    let problem = null;
    if (opts.gpus) {
        const reached = results.import?.status === 'passed' && (!opts.train || results.train?.status === 'passed');
        const { stage, check } = gpuStage(facts, opts.gpus, {
            platform: ctx.platform.id,
            emulated: ctx.emulated,
            reached,
        });
        results.gpu = {
            ...stage,
            // The GPU check prints after the import, with or without the training step.
            log: stage.status === 'failed' ? wholeLog(run.recorded) : '',
        };
        state.gpu = check;
        problem = stage.status === 'failed' ? (stage.reason ?? null) : null;
    }
    const readiness = state.gpuReady;
    problem ??= readiness && !readiness.ready ? readiness.reason : null;
    // The GPU facts go to the diagnosis only where GPUs were asked of the check.
    const asked = opts.gpus !== null || (readiness?.required === true && !readiness.ready);
    if (!asked)
        return { ...checked, results };
    return {
        ...checked,
        results,
        evidence: {
            ...checked.evidence,
            gpu: { check: state.gpu ?? null, readiness, build: facts.build, problem },
        },
    };
}
/** How a plan's command meets the ENTRYPOINT: a `try` goes through it first. */
function through(plan) {
    if (!plan || plan.how === 'replaced' || plan.how === 'direct')
        return REPLACED;
    return { keep: true, form: plan.form };
}
/** The line that says why an import failed: the exception, else the last line printed. */
function failureLine(lines) {
    const said = lines.map((l) => l.trim()).filter(Boolean);
    const line = said.findLast((l) => /Error|No module|not found|denied/.test(l)) ?? said.at(-1);
    return line ? line.slice(0, 300) : null;
}
/** One check container, watched: a kept ENTRYPOINT that never hands over is stopped. */
async function runChecked(ctx, how, train, watch, quiet) {
    const { opts, deps } = ctx;
    const platform = ctx.platform.id;
    const now = deps.now ?? Date.now;
    const name = containerName(deps.runId, ctx.platform);
    deps.onCreate?.('container', name);
    const ran = { recorded: emptyRecorded(), startedAt: now(), started: false, waited: false };
    const window = ENTRYPOINT_WINDOW_S * (ctx.emulated ? EMULATED_START_FACTOR : 1);
    const onLine = (line) => {
        const event = smoke_events_record(ran.recorded, line, now());
        if (event?.stage === 'start')
            ran.started = true;
        if (quiet)
            return;
        if (!event)
            deps.log.output(line, platform);
        else if (event.stage === 'import' && event.ok) {
            deps.log.info(`${platform}: TensorFlow ${event.tensorflow ?? '?'} imported in ${(event.seconds ?? 0).toFixed(1)} s`);
            if (train)
                deps.log.progress?.(platform, 'train');
        }
    };
    const spec = {
        tag: ctx.tag,
        platform,
        name,
        runId: deps.runId,
        train,
        network: opts.network,
        ...(opts.python ? { python: opts.python } : {}),
        ...(opts.memory ? { memory: opts.memory } : {}),
        // GPUs and readiness in the check's own run, not in the comparison run without the ENTRYPOINT;
        // no GPU under QEMU (the GPU stage says why).
        ...(quiet ? {} : { ready: opts.gpuReady !== 'off' }),
        ...(!quiet && opts.gpus && !ctx.emulated ? { gpus: opts.gpus } : {}),
    };
    const title = quiet ? 'import, ENTRYPOINT bypassed' : 'import and train';
    const { smoke, state } = await inGroup(ctx, title, async () => {
        // An ENTRYPOINT that waits for a service or runs its own program never hands over.
        const timer = watch
            ? setTimeout(() => {
                if (ran.started)
                    return;
                ran.waited = true;
                void deps.docker.kill(name);
            }, window * 1000)
            : null;
        const smoke = await deps.docker.container({ kind: 'smoke', spec, through: how }, { input: SMOKE_SCRIPT, timeoutMs: ctx.deadline - now(), signal: deps.signal, onLine });
        if (timer)
            clearTimeout(timer);
        if (smoke.timedOut || smoke.aborted)
            await deps.docker.kill(name);
        const state = await deps.docker.containerState(name);
        await deps.docker.removeContainers([name]);
        return { smoke, state };
    });
    return { ...ran, smoke, state, window };
}
/** Runs the smoke script in the image; the stages come from what it printed (smoke-events.ts). */
async function runSmoke(ctx, how, train, watch, quiet = false) {
    const now = ctx.deps.now ?? Date.now;
    const { smoke, state, recorded, startedAt, started, waited, window } = await runChecked(ctx, how, train, watch, quiet);
    const exitCode = state?.exitCode ?? smoke.exitCode;
    const stages = stagesFromEvents(recorded, {
        startedAt,
        endedAt: now(),
        exitCode,
        signal: signalFromExitCode(exitCode),
        oomKilled: state?.oomKilled ?? false,
        timedOut: smoke.timedOut,
        aborted: smoke.aborted,
        ...(smoke.spawnError ? { spawnFailure: describeFailure(smoke) } : {}),
    }, { ...ctx.opts, train });
    const lines = [
        ...smoke.tail.filter((l) => parseSmokeLine(l) === null),
        ...(state?.error ? [state.error] : []),
    ];
    // Handed over: the check's first line came. Not handed over: the ENTRYPOINT started (Docker
    // did not refuse it) but never ran the command, within its window or before it exited.
    const refused = lines.some((l) => ENTRYPOINT_NOT_STARTED.test(l));
    const handedOver = !watch || started || refused || smoke.aborted || smoke.timedOut || smoke.spawnError
        ? undefined
        : false;
    return {
        results: { import: stages.import, train: stages.train },
        lines,
        evidence: {
            oomKilled: state?.oomKilled ?? false,
            probe: stages.probe,
            variables: stages.variables,
        },
        stages,
        recorded,
        ...(handedOver === false
            ? {
                handedOver,
                why: waited
                    ? `no line from the check within ${window} s${ctx.emulated ? ` (${ENTRYPOINT_WINDOW_S} s, ${EMULATED_START_FACTOR}x under QEMU)` : ''}: it waited, or ran its own program`
                    : `it exited with ${exitCode ?? '?'} without running it`,
            }
            : {}),
    };
}

;// CONCATENATED MODULE: ./src/engine/platform.ts















/** How each stage that runs is run (results/stages.ts has the rest of its row). */
const RUNNERS = {
    build: build,
    pull: pull,
    import: smoke,
    start: start,
    run: run,
};
/** Whether the check option that asks for a stage is set (or it is in every check). */
function asked(opts, name) {
    const by = spec(name).present;
    return by === 'always' || (opts[by] ?? null) !== null;
}
/**
 * A platform's stages, in order; the first that fails ends the platform, the rest are skipped.
 * The image is built, or with the image input pulled; start and run only when asked for.
 */
function pipeline(opts) {
    const present = STAGE_ORDER.filter((s) => asked(opts, s));
    const replaced = replacedBy(present);
    return present.flatMap((s) => replaced.has(s) || spec(s).decidedBy !== undefined ? [] : [[s, RUNNERS[s]]]);
}
/** The stages a platform's results hold from the start: those in every check, and those asked for. */
function initialStages(opts) {
    // Those in every check first: the results' key order is what it was before stages were asked for.
    const stages = Object.fromEntries([...CORE_STAGES, ...EXTRA_STAGES].filter((s) => asked(opts, s)).map((s) => [s, emptyStage()]));
    if (opts.image)
        stages.build = emptyStage('skipped', `not built: the image ${opts.image.ref} was checked`, 'replaced');
    return stages;
}
const NOTHING_SHARED = {
    lint: { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null },
    image: null,
    builder: null,
};
/** Checks one platform: the static gates, then the pipeline; then its verdict and diagnoses. */
async function checkPlatform(opts, deps, platform, emulation, shared = NOTHING_SHARED) {
    const { lint, image, builder } = shared;
    const now = deps.now ?? Date.now;
    const state = {
        stages: initialStages(opts),
        environment: emptyEnvironment(),
        training: null,
        image: null,
        invocation: null,
    };
    const c = {
        opts,
        deps,
        platform,
        emulation,
        lint,
        image,
        builder,
        started: now(),
        state,
    };
    const diagnoses = gated(c) ?? (await piped(c));
    // The verdict's own rule: the stages, and the proof that image and process are the platform.
    const passed = platformPassed({ platform: platform.id, ...state }, opts.train);
    deps.log.progress?.(platform.id, passed ? 'passed' : 'failed');
    return {
        platform: platform.id,
        emulated: emulation.emulated,
        required: opts.required.has(platform.id),
        passed,
        durationMs: now() - c.started,
        stages: state.stages,
        environment: state.environment,
        training: state.training,
        diagnoses,
        image: state.image,
        ...(image ? { source: sourceOf(image, platform.id) } : {}),
        ...(state.invocation ? { invocation: state.invocation } : {}),
        ...(state.gpu ? { gpu: state.gpu } : {}),
        ...(state.gpuReady ? { gpuReady: state.gpuReady } : {}),
    };
}
/**
 * The gates before anything runs: a certain finding saves a build that cannot succeed (an
 * existing image is run all the same), and a platform with no emulator cannot run at all. Their
 * diagnoses, or null to go on.
 */
function gated(c) {
    const { state, platform, image, lint } = c;
    const notBuilt = (why) => {
        // Every stage after the one that makes the image.
        for (const name of stagesOf(state.stages))
            if (spec(name).verdict !== 'image')
                state.stages[name] = emptyStage('skipped', image ? 'the image was not run' : 'the build did not run', 'not-reached');
        c.deps.log.warning(`${platform.id}: ${why}`);
    };
    const certain = !image && lint.findings.find((f) => f.platform === platform.id && f.skipBuild);
    if (certain) {
        state.stages.build = emptyStage('skipped', `not built: ${certain.diagnosis.title}`, 'finding');
        notBuilt(`not built: ${certain.diagnosis.detail}`);
        return explain([], lint.findings, platform.id);
    }
    const why = c.emulation.unavailable;
    if (!why)
        return null;
    state.stages[imageStage(state.stages)] = { ...emptyStage('failed', why, 'no-emulator'), log: why };
    notBuilt(why);
    return [noEmulator(platform, why)];
}
/** The stages in order; the first that fails ends the platform, the rest are skipped. */
async function piped(c) {
    const { opts, deps, platform, image, lint, state } = c;
    const ctx = {
        opts,
        deps,
        platform,
        tag: image
            ? (image.platforms.get(platform.id)?.run ?? image.ref.ref)
            : imageTag(deps.runId, platform),
        image,
        deadline: c.started + opts.timeoutMinutes * 60_000,
        grouped: oneAtATime(opts),
        emulated: c.emulation.emulated,
        script: lint.entrypoint ? { path: lint.entrypoint.path, facts: lint.entrypoint.facts } : null,
        gpuIntent: lint.gpuIntent ?? null,
        builder: c.builder,
    };
    const decided = new Set();
    let smoked = null;
    for (const [name, stage] of pipeline(opts)) {
        deps.log.progress?.(platform.id, name);
        const run = await stage(ctx, state);
        if (name === 'import')
            smoked = run;
        Object.assign(state.stages, run.results);
        for (const name of Object.keys(run.results))
            decided.add(name);
        const failed = failingStage(state.stages);
        if (!failed)
            continue;
        const why = run.skipReason ?? `the ${failed} did not pass`;
        // A stage another took the place of (the build, for a pull) keeps what it says.
        const replaced = replacedBy(stagesOf(state.stages));
        for (const name of stagesOf(state.stages))
            if (!decided.has(name) && !replaced.has(name))
                state.stages[name] = emptyStage('skipped', why, 'not-reached');
        const evidence = await evidenceOf(ctx, state, failed, run, locator(lint.model));
        return explain(classify(evidence), lint.findings, platform.id);
    }
    const own = lint.findings.filter((f) => f.platform === platform.id);
    // No stage failed, and the platform does not pass: its GPU check could not be made here (under
    // QEMU), or gpu-ready: required and the image could not use a GPU. What was found says why.
    const undecided = decisiveStage(state.stages);
    if (smoked && (undecided || readinessMismatch(state))) {
        const evidence = await evidenceOf(ctx, state, undecided ?? 'import', smoked, locator(lint.model));
        const found = classify({ ...evidence, lines: [] }).filter((d) => d.id !== 'unknown');
        return explain(found, own, platform.id);
    }
    return explain([], own, platform.id);
}
/** What the platform's results say of the image input. */
function sourceOf(image, platform) {
    const s = image.platforms.get(platform);
    return s ? { ref: image.ref.ref, pinned: s.run, from: s.from } : null;
}
/** What the classifier is given about a failed stage. */
async function evidenceOf(ctx, state, failed, run, locate) {
    const stage = state.stages[failed];
    return {
        platform: ctx.platform,
        emulated: ctx.emulated,
        stage: failed,
        status: stage.status,
        lines: run.lines,
        exitCode: stage.exitCode ?? null,
        signal: stage.signal ?? null,
        oomKilled: false,
        probe: null,
        image: state.image,
        timeoutMinutes: ctx.opts.timeoutMinutes,
        locate,
        ...run.evidence,
        engineReachable: run.evidence?.engineReachable ?? (await engineReachable(ctx.deps)),
    };
}

;// CONCATENATED MODULE: ./src/engine/pool.ts
/** Maps items with at most `limit` calls in flight, keeping the input order in the result. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/engine/preflight.ts







/**
 * The docker driver on the classic image store exports only inline cache ("Cache export is not
 * supported for the docker driver"): a gha, registry or local export would fail every build
 * after minutes of work, so it is refused before the first one. On the containerd image store
 * (Docker 29's default, ubuntu-latest) the docker driver exports them all.
 */
function checkCacheSupport(opts, driver, builder, imageStore) {
    if (driver !== 'docker' || imageStore !== 'classic')
        return;
    const bad = opts.cacheTo.filter((c) => cacheType(c) !== 'inline');
    if (bad.length > 0) {
        throw new InputError('cache-to', `builder '${builder}' uses the docker driver on the classic image store, which cannot export ${bad.map(cacheType).join(', ')} cache ('${bad[0]}'); ` +
            'add docker/setup-buildx-action before this step (it creates a docker-container builder) and pass its name as builder, turn on the containerd image store, or drop cache-to');
    }
}
/** How long a trivial build may take before the builder is said to be slow, and wedged. */
const PROBE_MS = { slow: 10_000, wedged: 60_000 };
/**
 * A builder that cannot run a trivial build would leave every platform's build waiting at "load
 * build definition" until its timeout: said before anything is built. A probe that fails for
 * another reason (an older buildx) is only a note; the builds say what is wrong.
 */
async function probeBuilder(deps, name, given) {
    const slow = setTimeout(() => deps.log.warning(`builder '${name}' has not run a trivial build in ${PROBE_MS.slow / 1000} s; waiting up to ${PROBE_MS.wedged / 1000} s`), PROBE_MS.slow);
    const res = await deps.docker
        .probeBuilder(given, PROBE_MS.wedged)
        .finally(() => clearTimeout(slow));
    if (res.timedOut) {
        throw new EnvironmentError(`builder '${name}' did not run a trivial build (FROM scratch) in ${PROBE_MS.wedged / 1000} s: it is wedged, and every build would wait on it. ` +
            `Restart the Docker engine (sudo systemctl restart docker; on a laptop, Docker Desktop) or the builder (docker buildx stop ${name}), then run again.`);
    }
    if (res.exitCode !== 0 && !res.aborted)
        deps.log.info(`builder '${name}': the trivial probe build failed (${describeFailure(res, 2)}); going on`);
}
/**
 * A docker-container builder whose BuildKit container is paused answers nothing: every build
 * would wait on it, and the probe would only say so after a minute. Said at once, with the fix.
 */
async function refusePaused(deps, builder) {
    const container = buildkitContainer(builder);
    if (!container)
        return;
    const state = await deps.docker.containerState(container);
    if (!state?.paused)
        return;
    throw new EnvironmentError(`builder '${builder.name}': its BuildKit container ${container} is paused, so every build would wait on it. ` +
        `Unpause it (docker unpause ${container}) or make the builder again (docker buildx rm ${builder.name}; docker/setup-buildx-action), then run again.`);
}
/**
 * Preconditions that would fail every platform alike: no engine, no buildx, a missing builder.
 * Returns the host the verdicts are reached on.
 */
async function preflight(opts, deps) {
    const server = await deps.docker.serverVersion();
    const buildx = await deps.docker.buildxVersion();
    let builder = await deps.docker.inspectBuilder(opts.builder);
    const info = await deps.docker.engineInfo();
    const imageStore = info?.imageStore ?? null;
    checkCacheSupport(opts, builder.driver, builder.name, imageStore);
    if (!opts.image) {
        await refusePaused(deps, builder);
        await probeBuilder(deps, builder.name, opts.builder);
        // A builder that was not booted yet says its BuildKit version once the probe has booted it.
        if (builder.nodes.some((n) => n.status !== 'running'))
            builder = await deps.docker.inspectBuilder(opts.builder);
    }
    const buildkit = builderBuildkit(builder);
    const arch = deps.hostArch ?? info?.arch ?? hostArch();
    const local = deps.engineLocal ?? (info ? engineIsLocal(info) : true);
    deps.log.info(`Docker engine ${server}${imageStore ? ` (${imageStore} image store)` : ''}${local ? '' : ` on ${info?.name || 'another machine'} (${arch})`}; ${buildx}; builder '${builder.name}' (${builder.driver} driver${buildkit ? `, BuildKit ${buildkit}` : ''})`);
    return {
        host: {
            engine: server,
            buildx: parseBuildxVersion(buildx),
            driver: builder.driver,
            buildkit,
            imageStore,
        },
        arch,
        local,
        builder,
    };
}

;// CONCATENATED MODULE: ./src/engine/source.ts



async function resolveImage(opts, { docker, log }) {
    const ref = opts.image;
    if (!ref)
        return null;
    const platforms = new Map();
    const has = new Set();
    for (const { id } of opts.platforms) {
        if (await docker.imageConfig(ref.ref, id)) {
            platforms.set(id, { ref, run: ref.ref, from: 'local' });
            has.add(id);
        }
    }
    const plain = await docker.imageConfig(ref.ref);
    const local = plain ? declaredPlatform(plain.os, plain.architecture, plain.variant) : null;
    if (local)
        has.add(local);
    let registryError = null;
    let remote = [];
    const missing = opts.platforms.map((p) => p.id).filter((p) => !platforms.has(p));
    // An image ID names a local image only; a name may also be in its registry.
    if (missing.length > 0 && ref.name !== null) {
        const answer = await docker.remoteImage(ref.ref);
        if ('error' in answer)
            registryError = answer.error.replace(/\s+/g, ' ').trim();
        else
            remote = answer.manifests;
    }
    for (const m of remote)
        has.add(m.platform);
    for (const p of missing) {
        const m = remote.find((x) => x.platform === p);
        if (m)
            platforms.set(p, { ref, run: pinned(ref, m.digest), from: 'pulled' });
    }
    if (plain === null && platforms.size === 0 && remote.length === 0) {
        throw new InputError('image', `'${ref.ref}' is not in the Docker engine's image store${ref.name !== null ? `, and its registry did not list it (${registryError ?? 'no image for any platform'})` : ''}; build it with load: true (or docker buildx build --load), or push it and log in to its registry (docker/login-action) before this step`);
    }
    const where = [...platforms].map(([p, i]) => `${p} ${i.from === 'local' ? 'in the image store' : `in its registry (${i.run})`}`);
    log.info(`image ${ref.ref}: ${where.join('; ') || 'none of the platforms checked'}`);
    return { ref, platforms, has: [...has].sort(), registryError };
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/base.js
class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/line.js


class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
function diffTrimmedLines(oldStr, newStr, options) {
    options = generateOptions(options, { ignoreWhitespace: true });
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/patch/create.js

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
const FILE_HEADERS_ONLY = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: true
};
const OMIT_HEADERS = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: false
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    if (typeof options === 'function') {
        options = { callback: options };
    }
    if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
            return;
        }
        return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
    }
    else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: patchObj => {
                if (!patchObj) {
                    callback(undefined);
                }
                else {
                    callback(formatPatch(patchObj, options.headerOptions));
                }
            } }));
    }
}
function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
    return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/fix/lines.ts

/** A file's lines without their endings, and the ending it uses. */
function lines_splitLines(text) {
    return { lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
/**
 * The hunks that a set of changes makes, or null when one cannot be made (a line that is not
 * there, a rewrite that changes nothing). Lines next to each other form one hunk.
 */
function hunksOf(ops, linesOf) {
    const hunks = [];
    const files = [...new Set(ops.map((o) => o.file))];
    for (const file of files) {
        const lines = linesOf(file);
        if (!lines)
            return null;
        const mine = ops.filter((o) => o.file === file);
        const touched = [...new Set(mine.map((o) => o.line))].sort((a, b) => a - b);
        for (const line of touched) {
            const original = lines[line - 1];
            if (original === undefined)
                return null;
            let text = original;
            const before = [];
            const after = [];
            for (const op of mine.filter((o) => o.line === line)) {
                if (op.rewrite) {
                    const next = op.rewrite(text);
                    if (next === text)
                        return null;
                    text = next;
                }
                before.push(...(op.before ?? []));
                after.push(...(op.after ?? []));
            }
            const replacement = [...before, text, ...after];
            const last = hunks.at(-1);
            if (last && last.file === file && last.endLine === line - 1) {
                last.endLine = line;
                last.original.push(original);
                last.replacement.push(...replacement);
            }
            else {
                hunks.push({ file, startLine: line, endLine: line, original: [original], replacement });
            }
        }
    }
    return hunks;
}
/**
 * A file's text with hunks applied, or null when a hunk's lines are not what it says they are
 * (the file changed since). The file's line endings are kept.
 */
function applyHunks(text, hunks) {
    const { lines, eol } = lines_splitLines(text);
    const sorted = [...hunks].sort((a, b) => b.startLine - a.startLine);
    for (const h of sorted) {
        const now = lines.slice(h.startLine - 1, h.endLine);
        if (now.length !== h.original.length || now.some((l, i) => l !== h.original[i]))
            return null;
        lines.splice(h.startLine - 1, h.endLine - h.startLine + 1, ...h.replacement);
    }
    return lines.join(eol);
}
/** A unified diff of one file's change, as git shows it (a/ and b/ prefixes, 3 lines of context). */
function unifiedDiff(file, before, after) {
    const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
        context: 3,
    });
    // jsdiff starts with a line of '=' that git does not print.
    return patch.replace(/^=+\n/, '');
}
/**
 * The lines one Dockerfile instruction spans, from its first: continuation lines end in a
 * backslash. null for a heredoc, whose lines are not the instruction's words.
 */
function instructionLines(lines, start) {
    const out = [];
    for (let n = start; n <= lines.length; n++) {
        const text = lines[n - 1];
        if (/<<-?\s*['"]?[A-Za-z_]/.test(text))
            return null;
        out.push(n);
        if (!/\\\s*$/.test(text))
            break;
    }
    return out;
}
/** The first line of an instruction that matches, or null. */
function lineMatching(lines, start, re) {
    return instructionLines(lines, start)?.find((n) => re.test(lines[n - 1])) ?? null;
}
/** A regular expression for a string, matched literally. */
function literal(text) {
    return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/fix/edits.ts







/** A package name as pip reads it: - _ . alike, any case. */
function nameBody(name) {
    return name
        .split(/[-_.]+/)
        .map(literal)
        .join('[-_.]+');
}
/** The name as written, in a line. */
function nameRe(name) {
    return new RegExp(`(^|[\\s"'])(${nameBody(name)})(?=$|[\\s"'\\[;=<>!~,@])`, 'i');
}
/** The requirements a finding points at: those of its id's packages on its line. */
function requirementsAt(f, ctx, names) {
    const d = f.diagnosis;
    return ctx.model.requirements.filter((r) => r.file === d.file && r.line === d.line && names.includes(r.name));
}
/** Renames a requirement on the line that spells it (a continuation line of a RUN, too). */
function rename(r, to, ctx) {
    const lines = ctx.lines(r.file);
    const re = nameRe(r.name);
    const line = lines && lineMatching(lines, r.line, re);
    if (!line)
        return null;
    return { file: r.file, line, rewrite: (t) => t.replace(re, `$1${to}`) };
}
/**
 * A requirement kept for macOS by a marker: after it on a requirements line, or inside its
 * string in pyproject.toml or setup.py (a Poetry key gets no edit: the line is left as it is).
 */
function darwinOnly(r) {
    if (!/\.(toml|py)$/.test(r.file))
        return (t) => t.replace(/^(\s*[^#]*?)(\s+#.*)?$/, '$1; sys_platform == "darwin"$2');
    const quoted = new RegExp(`(["'])(${nameBody(r.name)}[^"']*)\\1`, 'i');
    return (t) => t.replace(quoted, (_m, q, body) => {
        const darwin = q === '"' ? "'darwin'" : '"darwin"';
        return `${q}${body}; sys_platform == ${darwin}${q}`;
    });
}
const edits_macosOnly = (f, ctx) => {
    const ops = [];
    const said = [];
    for (const r of requirementsAt(f, ctx, MACOS_ONLY)) {
        if (r.name !== 'tensorflow-metal') {
            const op = rename(r, 'tensorflow', ctx);
            if (!op)
                return null;
            ops.push(op);
            said.push(`${r.name} → tensorflow${r.specifier}`);
        }
        else if (r.file !== ctx.model.file) {
            // The Apple GPU plugin, in a file a macOS setup may share: kept there by a marker.
            if (r.marker !== '')
                return null;
            ops.push({ file: r.file, line: r.line, rewrite: darwinOnly(r) });
            said.push('tensorflow-metal for macOS only');
        }
        else {
            // In a RUN: dropped, when the same pip install has something else to install.
            const spec = new RegExp(`\\s+(["']?)${nameBody(r.name)}[^\\s"']*\\1(?=\\s|$)`, 'i');
            const lines = ctx.lines(r.file);
            const line = lines && lineMatching(lines, r.line, spec);
            const others = ctx.model.requirements.filter((x) => x.file === r.file && x.line === r.line);
            if (!line || others.length < 2)
                return null;
            ops.push({ file: r.file, line, rewrite: (t) => t.replace(spec, '') });
            said.push('tensorflow-metal dropped (the Apple GPU plugin has no Linux build)');
        }
    }
    return ops.length === 0 ? null : { ops, summary: said.join('; ') };
};
const noWheel = (f, ctx) => {
    const reqs = requirementsAt(f, ctx, ['tensorflow-cpu']);
    const ops = reqs.map((r) => rename(r, 'tensorflow', ctx));
    if (ops.length === 0 || ops.some((o) => o === null))
        return null;
    return {
        ops: ops,
        summary: `tensorflow-cpu → tensorflow${reqs[0].specifier} (it has wheels for both architectures)`,
    };
};
const archSuffixedTag = (f, ctx) => {
    const from = ctx.model.stages.find((s) => s.from.line === f.diagnosis.line)?.from;
    const clean = multiArchTag(from?.tag ?? null);
    if (!from || clean === null)
        return null;
    const ref = `${from.name}:${from.tag}`;
    const to = `${from.name}:${clean}`;
    return {
        ops: [{ file: from.file, line: from.line, rewrite: (t) => t.replace(ref, to) }],
        summary: `FROM ${ref} → FROM ${to} (the multi-arch tag)`,
    };
};
const SHELL_SYNTAX = /[|;&$`<>*?(){}]/;
const edits_execFormShell = (f, ctx) => {
    const cmd = ctx.model.cmds.find((c) => c.line === f.diagnosis.line && c.args);
    if (!cmd?.args)
        return null;
    const words = shellWords(cmd.args.join(' ').replace(/&&/g, ' && '));
    const act = /^(.+)\/bin\/activate$/.exec(words[1] ?? '');
    if (!['.', 'source'].includes(words[0] ?? '') || !act)
        return null;
    const rest = words.slice(words[2] === '&&' ? 3 : 2);
    if (rest.length === 0 || rest.some((w) => SHELL_SYNTAX.test(w)))
        return null;
    const rel = act[1].replace(/^\.\//, '');
    const venv = rel.startsWith('/')
        ? rel
        : ctx.model.venvs.find((v) => v.path === `/${rel}` || v.path.endsWith(`/${rel}`))?.path;
    if (!venv)
        return null;
    const program = rest[0].replace(/^python3?(\.\d+)?$/, 'python');
    if (program.includes('/'))
        return null;
    const args = [`${venv}/bin/${program}`, ...rest.slice(1)];
    const lines = ctx.lines(cmd.file);
    if (!lines || instructionLines(lines, cmd.line)?.length !== 1)
        return null;
    const form = `${cmd.keyword} [${args.map((a) => JSON.stringify(a)).join(', ')}]`;
    return {
        ops: [
            { file: cmd.file, line: cmd.line, rewrite: (t) => t.replace(/^(\s*)\S.*$/, `$1${form}`) },
        ],
        summary: `${cmd.keyword} runs the venv's ${program} directly: ${form}`,
    };
};
/** The venv a venv-not-on-path finding is about, from the place it points at. */
function venvAt(f, m) {
    const at = (x) => x.file === f.diagnosis.file && x.line === f.diagnosis.line;
    return (m.requirements.find((r) => at(r) && r.venv)?.venv ??
        m.pipInstalls.find((p) => at(p) && p.venv)?.venv ??
        m.venvs.find(at)?.path ??
        m.danglingActivations.find(at)?.path ??
        null);
}
const pathEnv = (venv) => `ENV PATH="${venv}/bin:$PATH"`;
const venvNotOnPath = (f, ctx) => {
    const venv = venvAt(f, ctx.model);
    const final = stageChain(ctx.model, ctx.model.finalStage).map((s) => s.index);
    const made = ctx.model.venvs.find((v) => v.path === venv && final.includes(v.stageIndex));
    const lines = made && ctx.lines(made.file);
    const end = lines && instructionLines(lines, made.line)?.at(-1);
    if (!venv || !made || !end)
        return null;
    return {
        ops: [{ file: made.file, line: end, after: [pathEnv(venv)] }],
        summary: `${pathEnv(venv)} after the venv is created`,
    };
};
const edits_VENV = '/opt/venv';
/** The stage a line of the Dockerfile belongs to. */
function stageAt(m, line) {
    return m.stages.findLast((s) => s.from.line <= line)?.index ?? -1;
}
const edits_externallyManaged = (f, ctx) => {
    const pip = ctx.model.pipInstalls.find((p) => p.line === f.diagnosis.line);
    const lines = ctx.lines(ctx.model.file);
    if (!pip || !lines)
        return null;
    // python3 -m venv needs Debian's python3-venv: added where the RUN installs python3-pip.
    const chain = stageChain(ctx.model, pip.stageIndex).map((s) => s.index);
    const apt = lines
        .map((_, i) => i + 1)
        .find((n) => n < pip.line &&
        chain.includes(stageAt(ctx.model, n)) &&
        /\bapt(-get)?\s+install\b/.test(lines[n - 1]));
    const aptLines = apt ? (instructionLines(lines, apt) ?? []) : [];
    const aptText = aptLines.map((n) => lines[n - 1]).join(' ');
    const pipPkg = /(^|\s)python3-pip(?=\s|$|\\)/;
    const ops = [];
    if (!/\bpython3(\.\d+)?-(venv|full)\b/.test(aptText)) {
        const at = aptLines.find((n) => pipPkg.test(lines[n - 1]));
        if (!at)
            return null;
        ops.push({
            file: ctx.model.file,
            line: at,
            rewrite: (t) => t.replace(pipPkg, '$1python3-pip python3-venv'),
        });
    }
    ops.push({
        file: ctx.model.file,
        line: pip.line,
        before: [`RUN python3 -m venv ${edits_VENV}`, pathEnv(edits_VENV)],
    });
    return { ops, summary: `pip installs into a venv (${edits_VENV}) on PATH, not the system Python` };
};
const pythonUnsupported = (f, ctx) => {
    const r = ctx.model.requirements.find((x) => x.file === f.diagnosis.file && x.line === f.diagnosis.line);
    const base = r && baseOf(ctx.model, r.stageIndex);
    const python = base && pythonOfImage(base.name, base.tag);
    if (!r || !base || !python)
        return null;
    const arch = f.platform ? archOf(parsePlatform(f.platform, 'platform').arch) : 'x86_64';
    const pythons = arch ? checkPin(r.name, r.specifier, python, arch).pythons : [];
    const wanted = pythons.at(-1);
    const ref = `${base.name}:${base.tag}`;
    const lines = ctx.lines(r.file);
    const written = ctx.lines(base.file)?.[base.line - 1];
    if (wanted && written && (written.includes(ref) || (!base.tag && written.includes(base.name)))) {
        const to = `${base.name}:${tagWithPython(base.tag, wanted)}`;
        return {
            ops: [
                {
                    file: base.file,
                    line: base.line,
                    rewrite: (t) => t.includes(ref)
                        ? t.replace(ref, to)
                        : t.replace(new RegExp(`${literal(base.name)}(?=\\s|$)`), to),
                },
            ],
            summary: `FROM ${to}: Python ${wanted}, which ${r.name}${r.specifier} has wheels for`,
        };
    }
    // Else the pin the finding names: the newest TensorFlow with wheels for the image's Python.
    const newest = newestFor(python);
    const spec = new RegExp(`(^|[\\s"'])${nameBody(r.name)}${literal(r.specifier)}`, 'i');
    const line = newest && r.specifier !== '' && lines && lineMatching(lines, r.line, spec);
    if (!line)
        return null;
    return {
        ops: [{ file: r.file, line, rewrite: (t) => t.replace(spec, `$1${r.name}==${newest}`) }],
        summary: `${r.name}==${newest}, which has wheels for Python ${python}`,
    };
};
const edits_wrongArchitecture = (f, ctx) => {
    const from = ctx.model.stages.find((s) => s.from.line === f.diagnosis.line)?.from;
    const flag = /\s--platform(=|\s+)\S+/;
    if (!from?.platformFlag || !ctx.lines(from.file)?.[from.line - 1]?.match(flag))
        return null;
    return {
        ops: [{ file: from.file, line: from.line, rewrite: (t) => t.replace(flag, '') }],
        summary: `FROM without --platform=${from.platformFlag}: each platform gets its own base image`,
    };
};
const FIXERS = {
    'macos-only-package': edits_macosOnly,
    'no-wheel-for-platform': noWheel,
    'base-image-not-found': archSuffixedTag,
    'exec-form-shell': edits_execFormShell,
    'venv-not-on-path': venvNotOnPath,
    'externally-managed-environment': edits_externallyManaged,
    'python-version-unsupported': pythonUnsupported,
    'tensorflow-prerelease': pythonUnsupported,
    'wrong-architecture': edits_wrongArchitecture,
};
/** The edit for a finding, or null when its fix is not a line edit (or not one we can make). */
function proposeFix(f, ctx) {
    if (!f.diagnosis.file || !f.diagnosis.line)
        return null;
    return FIXERS[f.diagnosis.id]?.(f, ctx) ?? null;
}

;// CONCATENATED MODULE: ./src/fix/index.ts




/** What counts as the same finding once lines have moved: its id and its platform. */
const keyOf = (f) => `${f.diagnosis.id} ${f.platform ?? '*'}`;
function countByKey(findings) {
    const out = new Map();
    for (const f of findings)
        out.set(keyOf(f), (out.get(keyOf(f)) ?? 0) + 1);
    return out;
}
/** Findings with one id at one place (one per platform) share one edit. */
function candidates(findings, ctx) {
    const byPlace = new Map();
    for (const f of findings) {
        const d = f.diagnosis;
        const place = `${d.id} ${d.file}:${d.line}`;
        const known = byPlace.get(place);
        if (known) {
            known.findings.push(f);
            continue;
        }
        const p = proposeFix(f, ctx);
        if (p)
            byPlace.set(place, { findings: [f], ops: p.ops, summaries: [p.summary] });
    }
    // Edits that touch a line in common become one: a suggestion cannot overlap another.
    const out = [];
    for (const c of byPlace.values()) {
        const lines = new Set(c.ops.map((o) => `${o.file}:${o.line}`));
        const joined = out.find((o) => o.ops.some((x) => lines.has(`${x.file}:${x.line}`)));
        if (joined) {
            joined.findings.push(...c.findings);
            joined.ops.push(...c.ops);
            joined.summaries.push(...c.summaries);
        }
        else
            out.push(c);
    }
    return out;
}
/**
 * The proven fixes for a linted project. `read` reads the project's files by absolute path (the
 * disk, or a test's copy); shown paths resolve against the base, as the linter shows them.
 */
function fixesFor(opts, lint, buildArch, read = readFromDisk) {
    if (!lint.model || lint.findings.length === 0)
        return [];
    const pathOf = (file) => (0,external_node_path_namespaceObject.resolve)(opts.base, file);
    // Each file read and split once, however many edits look at it.
    const files = new Map();
    const fileOf = (file) => {
        if (!files.has(file)) {
            const text = read(pathOf(file));
            files.set(file, text === null ? null : { text, lines: lines_splitLines(text).lines });
        }
        return files.get(file);
    };
    const ctx = { model: lint.model, lines: (file) => fileOf(file)?.lines ?? null };
    const before = countByKey(lint.findings);
    const out = [];
    for (const c of candidates(lint.findings, ctx)) {
        const hunks = hunksOf(c.ops, ctx.lines);
        if (!hunks || hunks.length === 0)
            continue;
        const edited = new Map();
        for (const file of new Set(hunks.map((h) => h.file))) {
            const text = fileOf(file)?.text;
            const mine = hunks.filter((h) => h.file === file);
            edited.set(pathOf(file), text === undefined ? null : applyHunks(text, mine));
        }
        if ([...edited.values()].includes(null))
            continue;
        let after;
        try {
            const copy = (p) => (edited.has(p) ? edited.get(p) : read(p));
            after = countByKey(lintProject(opts, buildArch, copy).findings);
        }
        catch {
            continue; // the edited Dockerfile no longer parses: not a fix
        }
        const fixed = countByKey(c.findings);
        const gone = [...fixed].every(([k, n]) => (after.get(k) ?? 0) <= (before.get(k) ?? 0) - n);
        const noneNew = [...after].every(([k, n]) => n <= (before.get(k) ?? 0));
        if (!gone || !noneNew)
            continue;
        const platforms = c.findings.map((f) => f.platform);
        out.push({
            diagnoses: [...new Set(c.findings.map((f) => f.diagnosis.id))],
            platforms: platforms.includes(null) ? null : [...new Set(platforms)].sort(),
            summary: [...new Set(c.summaries)].join('; '),
            hunks,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/static.ts


/** The static phase: seconds, no Docker. A Dockerfile the parser cannot read costs the findings, not the check. */
function runLint(opts, log, buildArch) {
    // An existing image checked without its Dockerfile: nothing to analyse.
    if (opts.dockerfilePath === '')
        return { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null };
    try {
        const lint = lintProject(opts, buildArch);
        for (const f of lint.findings) {
            const where = f.diagnosis.file
                ? ` (${f.diagnosis.file}${f.diagnosis.line ? `:${f.diagnosis.line}` : ''})`
                : '';
            log.warning(`${f.platform ?? 'every platform'}: ${f.diagnosis.title}${where}: ${f.diagnosis.detail} Fix: ${f.diagnosis.fix}`);
        }
        return { ...lint, fixes: fixesFor(opts, lint, buildArch) };
    }
    catch (err) {
        log.warning(`could not analyse ${opts.dockerfile} before building: ${err instanceof Error ? err.message : String(err)}`);
        return { model: null, findings: [], fixes: [], entrypoint: null, gpuIntent: null };
    }
}

;// CONCATENATED MODULE: ./src/engine/check.ts









// The engine, start to end: the static phase (seconds, no Docker), the preconditions every
// platform shares (with the image input: where each platform's image is), QEMU for the
// emulated ones, then each platform's pipeline (platform.ts), at most max-parallel at once.
async function runCheck(opts, deps) {
    // The engine first: its CPU is what $BUILDPLATFORM means and which platforms run natively.
    const { host, arch, local, builder } = await preflight(opts, deps);
    const lint = runLint(opts, deps.log, arch);
    const image = await resolveImage(opts, deps);
    const emulation = await prepareEmulation(opts, deps, arch, local);
    const byPlatform = new Map(emulation.map((e) => [e.platform, e]));
    const platforms = await mapLimit(opts.platforms, opts.maxParallel, async (p) => {
        const e = byPlatform.get(p.id) ?? { platform: p.id, emulated: false };
        const result = await checkPlatform(opts, deps, p, e, {
            lint,
            image,
            builder: opts.image ? null : builder,
        });
        return { ...result, host: e.emulated ? { ...host, qemu: e.qemu ?? null } : host };
    });
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: version_TOOL_NAME, version: VERSION },
        context: opts.context,
        dockerfile: opts.dockerfile,
        ...(opts.image ? { image: opts.image.ref } : {}),
        passed: overallPassed(platforms),
        platforms: withSlowdowns(platforms),
        diagnoses: lint.findings.filter((f) => f.platform === null).map((f) => f.diagnosis),
        ...(lint.fixes.length > 0 ? { fixes: lint.fixes } : {}),
        createdAt: new Date((deps.now ?? Date.now)()).toISOString(),
    };
}

;// CONCATENATED MODULE: ./src/fix/write.ts




async function writeFixes(fixes, paths, mode, print) {
    const out = { changed: [], refused: [] };
    const files = [...new Set(fixes.flatMap((f) => f.hunks.map((h) => h.file)))];
    for (const file of files) {
        const full = (0,external_node_path_namespaceObject.resolve)(paths.base, file);
        if (!full.startsWith(paths.contextPath + external_node_path_namespaceObject.sep)) {
            out.refused.push(`${file}: outside the build context, not changed`);
            continue;
        }
        try {
            const before = await (0,promises_namespaceObject.readFile)(full, 'utf8');
            const hunks = fixes.flatMap((f) => f.hunks.filter((h) => h.file === file));
            const after = applyHunks(before, hunks);
            if (after === null) {
                out.refused.push(`${file}: changed since it was analysed, not changed`);
                continue;
            }
            print(unifiedDiff(file, before, after));
            if (mode === 'write')
                await (0,promises_namespaceObject.writeFile)(full, after);
            out.changed.push(file);
        }
        catch (err) {
            out.refused.push(`${file}: ${errorMessage(err)}`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/config/lists.ts
// Which options each mode reads, by name in the option table.
/** The options the check reads (mode check); the action reads them as inputs, the CLI as flags. */
const CHECK_OPTIONS = [
    'context',
    'file',
    'image',
    'platforms',
    'build-args',
    'target',
    'builder',
    'python',
    'train',
    'start',
    'run',
    'gpus',
    'gpu-ready',
    'timeout-minutes',
    'stall-minutes',
    'required-platforms',
    'setup-qemu',
    'qemu-image',
    'max-parallel',
    'network',
    'memory',
    'cache-from',
    'cache-to',
];
/** The options of reporting (the action only). */
const REPORT_OPTIONS = (/* unused pure expression or super */ null && ([
    'mode',
    'results',
    'comment',
    'comment-header',
    'statuses',
    'suggestions',
]));
/** The reusable workflow's own (modes plan and watch): who checks which platform. */
const RUNNER_OPTIONS = (/* unused pure expression or super */ null && ([
    'runners',
    'emulate',
    'runner-wait-minutes',
]));

;// CONCATENATED MODULE: ./src/config/flags.ts





// The CLI's side of the option table: its flags for node:util's parseArgs, its usage text, and
// the flags' values as the action's raw options, so that both front ends share one parser.
const HELP = `see ${version_TOOL_NAME} --help`;
/** Every flag of the table, as parseArgs takes them: the key is the flag without its dashes. */
const FLAGS = Object.fromEntries(Object.values(OPTIONS)
    .filter((o) => o.flag !== null)
    .map((o) => [
    o.flag.slice(2),
    {
        type: 'arg' in o && o.arg ? 'string' : 'boolean',
        ...(o.short ? { short: o.short } : {}),
        ...(o.repeatable ? { multiple: true } : {}),
    },
]));
/** Flags whose value may be left out: --fix stands for --fix=write. */
const BARE = new Map(Object.values(OPTIONS)
    .filter((o) => o.flag !== null && o.bare !== undefined)
    .map((o) => [o.flag, `${o.flag}=${o.bare}`]));
const USAGE = `Usage: ${version_TOOL_NAME} [context] [options]

Builds the Dockerfile once per platform, imports TensorFlow and runs a small training step in
each image, and reports per platform.

Options:
${usageLines().join('\n')}

Examples:
  ${version_TOOL_NAME}                         ./Dockerfile on linux/amd64 and linux/arm64
  ${version_TOOL_NAME} --lint-only             the static checks alone: seconds, no Docker
  ${version_TOOL_NAME} --image myorg/app:1.4   an image already built, checked without a build

On Apple Silicon (Docker Desktop), linux/arm64 runs natively and linux/amd64 emulated, where
TensorFlow's x86-64 build can die with "Illegal instruction" (no AVX under emulation). What your
laptop and arm64 servers run:
  ${version_TOOL_NAME} --platforms linux/arm64

Docker is the docker client on PATH, with its DOCKER_HOST or current docker context. Files are
shown relative to the current directory (to the context when it lies outside it).

Exit status: 0 every required platform passed, 1 one failed, 2 usage or environment error.
With --lint-only: 0 no findings, 1 findings.`;
/** Each flag as usage and the README show it: its names, and its help with the default (markdown). */
function flagHelp() {
    return Object.values(OPTIONS)
        .filter((o) => o.flag !== null)
        .map((o) => {
        const shown = shownDefault(o);
        return {
            names: `${o.short ? `-${o.short}, ` : ''}${o.flag}${o.arg ? `${o.bare ? '' : ' '}${o.arg}` : ''}`,
            // A switch's default is its absence.
            help: o.help + (o.arg && shown ? ` (default ${shown})` : ''),
        };
    });
}
function usageLines() {
    const rows = flagHelp();
    const width = Math.max(...rows.map((r) => r.names.length)) + 2;
    return rows.map((r) => `  ${r.names.padEnd(width)}${r.help.replace(/`/g, '')}`);
}
/** The flags as given: values by flag name (without dashes), and the positionals. */
function readFlags(argv) {
    try {
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv.map((a) => BARE.get(a) ?? a),
            options: FLAGS,
            allowPositionals: true,
            strict: true,
        });
        // Only string flags repeat (FLAGS gives no boolean `multiple`).
        return {
            values: values,
            positionals,
        };
    }
    catch (err) {
        throw new InputError(null, `${errorMessage(err)}; ${HELP}`);
    }
}
/** The check's options from the flags, keyed by input name like the action's. */
function rawFromFlags(values, positionals) {
    if (positionals.length > 1) {
        throw new InputError(null, `only one context may be given, got ${positionals.map((p) => `'${p}'`).join(' ')}; ${HELP}`);
    }
    const raw = { context: positionals[0] ?? OPTIONS.context.default };
    for (const name of CHECK_OPTIONS) {
        const spec = OPTIONS[name];
        if (spec.flag === null)
            continue;
        const value = values[spec.flag.slice(2)];
        if (value === undefined)
            continue;
        if (typeof value === 'boolean')
            raw[name] = value ? spec.sets : undefined;
        else if (Array.isArray(value))
            raw[name] = oneEach(spec, value).join('\n');
        else
            raw[name] = notEmpty(name, value);
    }
    return raw;
}
/** A flag given with an empty value is a mistake, not a request for the default. */
function notEmpty(name, value) {
    if (value.trim() === '')
        throw new InputError(name, `the value is empty; ${HELP}`);
    return value;
}
/** A repeatable flag holds one entry each time: a line break would smuggle in a second. */
function oneEach(spec, values) {
    for (const v of values) {
        if (v.includes('\n'))
            throw new InputError(spec.input, `'${v}' holds a line break; pass one ${spec.arg ?? 'value'} per flag`);
    }
    return values;
}
/** The CLI's own flags, not options of the check. */
function cliFlag(values, name) {
    // None of these repeats (only options of the check do).
    const v = values[OPTIONS[name].flag?.slice(2) ?? name];
    return typeof v === 'string' ? notEmpty(name, v) : v;
}
/** The README's flag table, as rows of cells: made from the option table, so the two agree. */
function flagRows() {
    return flagHelp().map((r) => [`\`${r.names}\``, r.help]);
}

;// CONCATENATED MODULE: ./src/report/safe.ts
// Text that came from the build or the container (logs, versions, tracebacks) is untrusted: a
// pull request controls it. Everything such text passes through here before it reaches a
// comment or a summary, so that it stays inert: it cannot mention anyone, open or close HTML,
// leave its code block, or fake the marker that identifies our comment.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Drops terminal colour codes and control characters; keeps newlines and tabs. */
function stripControl(text) {
    return text.replace(ANSI, '').replace(CONTROL, '').replace(/\r\n?/g, '\n');
}
/**
 * Text for an inline position (a table cell, a list item): one line, no HTML, no mentions, no
 * markdown that could link, format or break the table.
 */
function safe_inline(text, max = 300) {
    let s = stripControl(text).replace(/\s+/g, ' ').trim();
    if (s.length > max)
        s = s.slice(0, max - 1) + '…';
    return s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
        .replace(/@/g, '@\u200b');
}
/**
 * A code span: `text`. Inside one GitHub renders no HTML, links no mentions and ignores markdown
 * escapes (they would show), so only backticks and line breaks need to go.
 */
function safe_codeSpan(text, max = 200) {
    let s = stripControl(text).replace(/\s+/g, ' ').replace(/`/g, "'").trim();
    if (s.length > max)
        s = s.slice(0, max - 1) + '…';
    return `\`${s}\``;
}
/**
 * A fenced code block that the text cannot close early: the fence is longer than any run of
 * backticks or tildes in the text. Inside it GitHub renders no HTML and links no mentions; the
 * marker's `<!--` is broken up as well, so that a search for our marker never matches log text.
 */
function codeBlock(text, language = 'text') {
    const body = stripControl(text).replace(/<!--/g, '<!\u200b--');
    const f = safe_fence(body);
    return `${f}${language}\n${body}\n${f}`;
}
/** A code fence the text cannot close: longer than any run of backticks in it (3 at least). */
function safe_fence(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
    return '`'.repeat(Math.max(3, longest + 1));
}

;// CONCATENATED MODULE: ./src/report/suggestions.ts




// Suggested changes on the pull request, as pure functions: which hunks lie on lines of the
// pull request's diff (and still read as the hunk says), the hidden marker that finds our
// comments again, and the comment body with its `suggestion` block.
/** What every suggestion comment of this configuration starts with. */
function suggestionPrefix(header) {
    return `<!-- ${TOOL_NAME}:suggestion${header ? ` (${header})` : ''} `;
}
/** Names a hunk by what it changes, not where: a moved line keeps its key. */
function hunkKey(h) {
    const text = JSON.stringify([h.file, h.original, h.replacement]);
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
/** The key in a comment body that starts with the prefix, or null. */
function keyOfBody(body, header) {
    const prefix = suggestionPrefix(header);
    if (!body.startsWith(prefix))
        return null;
    const m = /^([0-9a-f]{16}) -->/.exec(body.slice(prefix.length));
    return m ? m[1] : null;
}
/**
 * The lines of the new file that a patch shows (added and context lines), each with its text
 * and the hunk it is in: a review comment may only cover lines of one hunk.
 */
function suggestions_diffLines(patch) {
    const out = new Map();
    const [file] = parsePatch(patch);
    file?.hunks.forEach((h, index) => {
        let line = h.newStart;
        for (const l of h.lines) {
            if (l.startsWith('+') || l.startsWith(' '))
                out.set(line++, { text: l.slice(1), hunk: index });
        }
    });
    return out;
}
/** Whether a file's new-side diff lines show exactly the hunk's lines, in one diff hunk. */
function onDiff(h, shown) {
    const first = shown?.get(h.startLine);
    return h.original.every((text, i) => {
        const at = shown?.get(h.startLine + i);
        return at !== undefined && at.hunk === first?.hunk && at.text === text;
    });
}
/** Splits the fixes into those every hunk of which lies on the diff, and the rest. */
function partitionFixes(fixes, files) {
    // Each file's patch is read once, however many hunks point into it.
    const shown = new Map();
    const linesOf = (file) => {
        if (!shown.has(file)) {
            const f = files.find((x) => x.filename === file && x.status !== 'removed');
            shown.set(file, f?.patch ? suggestions_diffLines(f.patch) : null);
        }
        return shown.get(file);
    };
    const inside = fixes.filter((f) => f.hunks.every((h) => onDiff(h, linesOf(h.file))));
    return { onDiff: inside, outside: fixes.filter((f) => !inside.includes(f)) };
}
/** The comment for one hunk: marker, what it fixes, and the suggestion block. */
function suggestionBody(fix, index, header) {
    const h = fix.hunks[index];
    const f = fence(h.replacement.join('\n'));
    const ids = fix.diagnoses.map((d) => codeSpan(d, 64)).join(', ');
    const where = fix.platforms ? ` on ${fix.platforms.map((p) => codeSpan(p, 40)).join(', ')}` : '';
    const part = fix.hunks.length > 1
        ? [
            '',
            `Part ${index + 1} of ${fix.hunks.length} of one fix: add each part to a batch ("Add suggestion to batch") and commit them together.`,
        ]
        : [];
    return [
        `${suggestionPrefix(header)}${hunkKey(h)} -->`,
        `**${TOOL_NAME}** fix for ${ids}${where}: ${inline(fix.summary, 300)}`,
        ...part,
        '',
        `${f}suggestion`,
        ...h.replacement,
        f,
    ].join('\n');
}
/** A fix as the sticky comment and the job summary show it: what it does, and a diff of its hunks. */
function fixLines(fix) {
    const ids = fix.diagnoses.map((d) => safe_codeSpan(d, 64)).join(', ');
    const where = fix.platforms ? ` (${fix.platforms.map((p) => safe_codeSpan(p, 40)).join(', ')})` : '';
    const diff = fix.hunks.flatMap((h) => [
        `@@ ${h.file}:${h.startLine}${h.endLine > h.startLine ? `-${h.endLine}` : ''} @@`,
        ...h.original.map((l) => `-${l}`),
        ...h.replacement.map((l) => `+${l}`),
    ]);
    return [
        `- ${ids}${where}: ${safe_inline(fix.summary, 300)}`,
        '',
        codeBlock(diff.join('\n'), 'diff'),
        '',
    ];
}

;// CONCATENATED MODULE: ./src/report/host.ts
// Where a verdict was reached. "Green on my runner" depends on the engine, the image store,
// buildx and, for an emulated platform, the QEMU that ran it: the results carry them per platform
// (report mode merges platforms from different runners), and the reports show them in one line.
/**
 * One line per distinct host: "linux/arm64 (QEMU 7.2.19) on Docker Engine 28.5.2 (classic image
 * store), buildx 0.29.1, docker-container driver, BuildKit 0.25.2"; on a runner, its label and
 * image first ("on ubuntu-24.04 (ubuntu24 20261130.1) with Docker Engine ...").
 */
function hostLines(platforms) {
    const groups = new Map();
    for (const p of platforms) {
        const h = p.host;
        if (!h)
            continue;
        const base = [
            h.engine
                ? `Docker Engine ${h.engine}${h.imageStore ? ` (${h.imageStore} image store)` : ''}`
                : null,
            h.buildx ? `buildx ${h.buildx}` : null,
            h.driver ? `${h.driver} driver` : null,
            h.buildkit ? `BuildKit ${h.buildkit}` : null,
        ]
            .filter(Boolean)
            .join(', ');
        const r = h.runner;
        const image = r ? [r.os, r.version].filter(Boolean).join(' ') : '';
        const runner = r ? `${r.label ?? 'a runner'}${image ? ` (${image})` : ''}` : null;
        const engine = base || 'an unknown engine';
        const key = runner ? `${runner} with ${engine}` : engine;
        const notes = [
            p.emulated && h.qemu ? `QEMU ${h.qemu}` : null,
            r?.insteadOf ? `in place of ${r.insteadOf.label}: ${r.insteadOf.reason}` : null,
        ].filter(Boolean);
        const list = groups.get(key) ?? [];
        list.push(notes.length > 0 ? `${p.platform} (${notes.join('; ')})` : p.platform);
        groups.set(key, list);
    }
    return [...groups].map(([host, names]) => `${names.join(', ')} on ${host}`);
}

;// CONCATENATED MODULE: ./src/report/gpu.ts

// What the reports say of GPUs: the GPU stage's cell (which GPUs, or why none), the GPU-ready
// cell, and a line per platform with TensorFlow's build and the libraries found.
/** The GPUs TensorFlow listed, as "1× Tesla T4" (models counted), or null when it listed none. */
function gpuNames(p) {
    const devices = p.gpu?.devices ?? [];
    if (devices.length === 0)
        return null;
    const counts = new Map();
    for (const d of devices)
        counts.set(d.model ?? 'GPU', (counts.get(d.model ?? 'GPU') ?? 0) + 1);
    return [...counts].map(([model, n]) => `${n}× ${model}`).join(', ');
}
/** The GPU stage's cell: its GPUs when it passed. */
function gpuCell(p) {
    const st = p.stages.gpu;
    if (!st || st.status !== 'passed')
        return null;
    return `✅ ${safe_inline(gpuNames(p) ?? 'GPU', 80)}`;
}
/** The readiness as one phrase: "yes (CUDA 12.5.1, cuDNN 9.28.0)" or "no: <why>". */
function readinessText(p) {
    const g = p.gpuReady;
    if (!g)
        return null;
    if (!g.ready)
        return `no: ${g.reason ?? 'not established'}`;
    const build = p.environment.tensorflowBuild;
    const cudart = g.libraries.find((l) => l.name === 'cudart')?.version;
    const cudnn = g.libraries.find((l) => l.name === 'cudnn')?.version;
    return `yes (CUDA ${cudart ?? build?.cudaVersion ?? '?'}, cuDNN ${cudnn ?? build?.cudnnVersion ?? '?'})`;
}
function readyCell(p) {
    const text = readinessText(p);
    if (text === null)
        return '–';
    return `${p.gpuReady.ready ? '✅' : p.gpuReady.required ? '❌' : '⚠️'} ${safe_inline(text, 160)}`;
}
/** Per platform with GPU facts: TensorFlow's build and what was found, for the comment's details. */
function gpuLines(platforms) {
    return platforms.flatMap((p) => {
        // Only where GPUs were asked of the check or readiness was reported: with gpu-ready auto a
        // plain CPU image's report says nothing of GPUs, though its build is in the results.
        if (!p.gpuReady && !p.gpu)
            return [];
        const build = p.environment.tensorflowBuild;
        const parts = [];
        if (build)
            parts.push(build.cuda
                ? `TensorFlow is a CUDA ${build.cudaVersion ?? '?'} / cuDNN ${build.cudnnVersion ?? '?'} build${build.computeCapabilities ? ` (${build.computeCapabilities.join(', ')})` : ''}`
                : 'TensorFlow is no CUDA build');
        const found = librariesText(p.gpuReady);
        if (found)
            parts.push(found);
        if (p.gpuReady?.intent)
            parts.push(`GPU intent: ${p.gpuReady.intent}`);
        const names = gpuNames(p);
        if (p.gpu)
            parts.push(names ? `GPUs seen: ${names}, trained on ${p.gpu.trainedOn ?? '?'}` : 'no GPU seen');
        return [`${safe_codeSpan(p.platform, 40)}: ${safe_inline(parts.join('; '), 900)}.`];
    });
}
function librariesText(g) {
    if (!g || g.libraries.length === 0)
        return null;
    return g.libraries
        .map((l) => `${l.soname ?? l.name} ${l.path ? (l.version ?? 'loaded') : 'missing'}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/report/summary.ts




// Pure renderings of the results: the one-line verdict, the per-platform table (markdown for
// the job summary and the CLI's --markdown, plain text for the terminal).
/** The first stage that did not pass, with its reason: "import failed: TensorFlow did not import". */
function firstFailure(p) {
    const name = failingStage(p.stages);
    if (!name)
        return p.passed ? 'passed' : 'not run';
    const st = p.stages[name];
    return `${name} ${st.status}${st.reason ? `: ${st.reason}` : ''}`;
}
/** Why a platform failed, in one line: its first diagnosis if it has one, else its first failing stage. */
function failureSummary(p) {
    const d = p.diagnoses[0];
    const where = d?.file ? ` (${fileLine({ file: d.file, line: d.line })})` : '';
    if (!d)
        return firstFailure(p);
    const name = failingStage(p.stages);
    const stage = name ? `${name} ${p.stages[name].status}` : 'failed';
    return `${stage}: ${d.title}${where}; fix: ${d.fix}`;
}
function verdictLine(results) {
    const failedRequired = results.platforms
        .filter((p) => p.required && !p.passed)
        .map((p) => p.platform);
    const failedOptional = results.platforms
        .filter((p) => !p.required && !p.passed)
        .map((p) => p.platform);
    const optional = failedOptional.length > 0 ? ` (not required, failing: ${failedOptional.join(', ')})` : '';
    if (failedRequired.length === 0) {
        const what = results.image
            ? `The image ${results.image} imports TensorFlow and trains`
            : 'TensorFlow builds, imports and trains';
        return `${what} on ${results.platforms
            .filter((p) => p.passed)
            .map((p) => p.platform)
            .join(', ') || 'no platform'}${optional}`;
    }
    return `${results.image ? `The image ${results.image}` : 'TensorFlow'} fails on ${failedRequired.join(', ')}${optional}`;
}
/** The terminal table the CLI prints at the end. */
function textTable(results) {
    const stages = shownStages(results.platforms);
    const ready = results.platforms.some((p) => p.gpuReady);
    const header = [
        'PLATFORM',
        'RUNS',
        ...stages.map((s) => stageTitle(s).toUpperCase()),
        ...(ready ? ['GPU-READY'] : []),
        'TENSORFLOW',
        'PYTHON',
        'TIME',
    ];
    const rows = results.platforms.map((p) => [
        p.platform + (p.required ? '' : ' (optional)'),
        p.emulated ? 'qemu' : 'native',
        ...stages.map((s) => {
            const st = p.stages[s];
            if (!st)
                return '-';
            if (s === 'gpu' && st.status === 'passed')
                return gpuNames(p) ?? 'passed';
            return st.status === 'skipped' ? 'skipped' : `${st.status} ${formatDuration(st.durationMs)}`;
        }),
        ...(ready ? [truncate(readinessText(p) ?? '-', 100)] : []),
        p.environment.tensorflow ?? '-',
        p.environment.python ?? '-',
        formatDuration(p.durationMs),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown.ts










// The markdown report: the sticky PR comment and the job summary are this same text. Every
// value that came from the build or the image goes through inline(), codeSpan() or codeBlock().
/** GitHub refuses comment bodies longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;
const ICON = {
    passed: '✅',
    failed: '❌',
    skipped: '⏭️',
    'timed-out': '⏱️',
};
function stageCell(st) {
    if (!st)
        return '–';
    return st.status === 'skipped'
        ? `${ICON.skipped} skipped`
        : `${ICON[st.status]} ${st.status} ${formatDuration(st.durationMs)}`;
}
/** Where it ran: natively, under QEMU (in place of its own runner, a fallback), or nowhere. */
function runsCell(p) {
    const cause = p.stages.build.cause;
    if (cause === 'no-runner' || cause === 'no-results')
        return '–';
    if (!p.emulated)
        return 'native';
    return p.host?.runner?.insteadOf ? 'QEMU (fallback)' : 'QEMU';
}
function table(results) {
    const stages = shownStages(results.platforms);
    const ready = results.platforms.some((p) => p.gpuReady);
    const rows = results.platforms.map((p) => [
        `${safe_codeSpan(p.platform, 40)}${p.required ? '' : ' (optional)'}`,
        runsCell(p),
        ...stages.map((s) => (s === 'gpu' ? gpuCell(p) : null) ?? stageCell(p.stages[s])),
        ...(ready ? [readyCell(p)] : []),
        p.environment.tensorflow ? safe_inline(p.environment.tensorflow, 40) : '–',
        p.environment.python ? safe_inline(p.environment.python, 40) : '–',
        formatDuration(p.durationMs),
    ].join(' | '));
    const header = [
        'Platform',
        'Runs',
        ...stages.map(stageTitle),
        ...(ready ? ['GPU-ready'] : []),
        'TensorFlow',
        'Python',
        'Time',
    ];
    return [
        `| ${header.join(' | ')} |`,
        `|${' --- |'.repeat(header.length)}`,
        ...rows.map((r) => `| ${r} |`),
    ].join('\n');
}
function diagnosisLines(d) {
    const where = d.file ? ` at ${safe_codeSpan(`${d.file}${d.line ? `:${d.line}` : ''}`)}` : '';
    return [
        `- **${safe_inline(d.title, 200)}** (${safe_codeSpan(d.id, 60)})${where}`,
        `  - ${safe_inline(d.detail, 600)}`,
        `  - **Fix:** ${safe_inline(d.fix, 600)}`,
    ];
}
function slowdownLine(p) {
    const s = p.emulationSlowdown;
    if (!s)
        return null;
    const parts = COMPARED_STAGES.filter((k) => s[k] !== undefined).map((k) => `${k} ${s[k].toFixed(1)}x`);
    if (parts.length === 0)
        return null;
    const worst = Math.max(...COMPARED_STAGES.map((k) => s[k] ?? 0));
    const hint = worst > 5
        ? ` A native arm64 runner (\`ubuntu-24.04-arm\`, free for public repositories) would skip the emulator.`
        : '';
    return `${safe_codeSpan(p.platform, 40)} ran under QEMU ${parts.join(', ')} slower than ${safe_codeSpan(s.native, 40)} natively.${hint}`;
}
/** Renders with log tails of at most `logLines` lines each (null: no logs at all). */
function render(results, opts, logLines) {
    const icon = results.passed ? '✅' : '❌';
    const name = opts.header ? ` (${safe_inline(opts.header, 64)})` : '';
    const out = [];
    if (opts.marker)
        out.push(opts.marker);
    out.push(`### ${icon} ${version_TOOL_NAME}${name}: ${safe_inline(verdictLine(results), 400)}`, '', table(results), '');
    for (const p of results.platforms.filter((x) => !x.passed)) {
        const stage = decisiveStage(p.stages);
        const st = stage ? p.stages[stage] : undefined;
        const notReady = p.gpuReady?.required && !p.gpuReady.ready;
        const what = stage && st ? `${stage} ${st.status}` : notReady ? 'not GPU-ready' : 'failed';
        const reason = st?.reason ?? (notReady ? p.gpuReady.reason : null);
        out.push(`<details><summary><b>${safe_inline(p.platform, 40)}</b>: ${safe_inline(what, 40)}${reason ? ` — ${safe_inline(reason, 200)}` : ''}</summary>`, '');
        for (const d of p.diagnoses)
            out.push(...diagnosisLines(d));
        if (p.diagnoses.length === 0)
            out.push('- No diagnosis matched; the log below shows what failed.');
        if (stage && st && logLines !== null && st.log.trim() !== '') {
            const lines = st.log.split('\n');
            const shown = lines.slice(-logLines).join('\n');
            const cut = lines.length > logLines ? ` (last ${logLines} of ${lines.length} lines)` : '';
            out.push('', `${logTitle(stage)} log${cut}:`, '', codeBlock(shown));
        }
        out.push('', '</details>', '');
    }
    if (results.diagnoses.length > 0) {
        out.push('**Findings for every platform**', '');
        for (const d of results.diagnoses)
            out.push(...diagnosisLines(d));
        out.push('');
    }
    if (results.fixes?.length) {
        out.push('**Fixes** (checked by analysing the edited project; on the lines this pull request changes, they are also suggested changes)', '', ...results.fixes.flatMap(fixLines));
    }
    const slow = results.platforms.map(slowdownLine).filter((l) => l !== null);
    if (slow.length > 0)
        out.push(...slow.map((l) => `- ${l}`), '');
    const gpus = gpuLines(results.platforms);
    if (gpus.length > 0)
        out.push('**GPUs**', '', ...gpus.map((l) => `- ${l}`), '');
    const ways = invocationLines(results.platforms);
    if (ways.length > 0)
        out.push(...ways.map((l) => `- ${safe_inline(l, 600)}`), '');
    // Where the verdicts were reached: "green on my runner" depends on it.
    const hosts = hostLines(results.platforms);
    if (hosts.length > 0)
        out.push(`Checked ${hosts.map((h) => safe_inline(h, 600)).join('; ')}.`, '');
    const foot = [];
    if (opts.sha)
        foot.push(`commit ${safe_codeSpan(opts.sha.slice(0, 12), 12)}`);
    if (opts.runUrl)
        foot.push(`[workflow run](${opts.runUrl})`);
    foot.push(`${version_TOOL_NAME} ${safe_inline(results.tool.version, 20)}`);
    out.push(`<sub>${foot.join(' · ')}</sub>`);
    return out.join('\n') + '\n';
}
/**
 * The report, within GitHub's size limit: log tails shrink first, then go; the table and the
 * diagnoses always stay.
 */
function renderReport(results, opts = {}) {
    const max = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
    for (const lines of [40, 20, 10, 5, 2]) {
        const body = render(results, opts, lines);
        if (body.length <= max)
            return body;
    }
    const body = render(results, opts, null);
    if (body.length <= max)
        return body;
    // Only a pathological number of platforms or diagnoses gets here: cut at a line boundary.
    const note = '\n\n… (cut to fit GitHub’s comment size limit; the job summary and the results file have the rest)\n';
    const cut = body.slice(0, max - note.length);
    return cut.slice(0, cut.lastIndexOf('\n')) + note;
}

;// CONCATENATED MODULE: ./src/progress/board.ts


// What each platform is doing now, for the progress lines of the CLI and the action's log: its
// stage (build, pull, import, train, start, run), for builds the BuildKit step it is on (read
// from the build's own plain progress output), and how long the stage has been running.
/** A step as shown: one line, at most this long. */
const STEP_WIDTH = 72;
class board_ProgressBoard {
    now;
    rows = new Map();
    constructor(now = Date.now) {
        this.now = now;
    }
    /** The platform entered a stage (or finished: "passed", "failed"). */
    stage(platform, stage) {
        const row = this.row(platform);
        row.stage = stage;
        row.since = this.now();
        row.steps.clear();
    }
    /** A line of the platform's build or container output. */
    output(platform, line) {
        const row = this.rows.get(platform);
        if (!row)
            return;
        row.steps.line(line);
    }
    /** The step a platform is on: the latest started that has not ended. */
    step(platform) {
        const step = this.rows.get(platform)?.steps.current();
        if (!step)
            return null;
        return step.length > STEP_WIDTH ? `${step.slice(0, STEP_WIDTH - 3)}...` : step;
    }
    /** One line per platform, for a terminal: redrawn in place. */
    lines() {
        const width = Math.max(0, ...[...this.rows.keys()].map((p) => p.length));
        return [...this.rows.keys()].map((p) => {
            const row = this.rows.get(p);
            const step = this.step(p);
            const time = DONE.has(row.stage) ? '' : `  ${this.elapsed(row)}`;
            return `${p.padEnd(width)}  ${row.stage}${step ? `  ${step}` : ''}${time}`;
        });
    }
    /**
     * What a log without a terminal prints now: a line for each platform whose stage or step
     * changed since it last printed one, or that has been silent for `heartbeatMs` (still working).
     */
    changes(heartbeatMs) {
        const out = [];
        const now = this.now();
        for (const [p, row] of this.rows) {
            const step = this.step(p);
            const what = `${p}: ${row.stage}${step ? `: ${step}` : ''}`;
            if (what !== row.printed)
                out.push(what);
            else if (now - row.printedAt >= heartbeatMs && !DONE.has(row.stage))
                out.push(`${what} (still working, ${this.elapsed(row)})`);
            else
                continue;
            row.printed = what;
            row.printedAt = now;
        }
        return out;
    }
    elapsed(row) {
        return formatDuration(this.now() - row.since);
    }
    row(platform) {
        let row = this.rows.get(platform);
        if (!row) {
            row = { stage: '', since: this.now(), steps: new StepTracker(), printed: '', printedAt: 0 };
            this.rows.set(platform, row);
        }
        return row;
    }
}
/** The stages that end a platform's work: no heartbeat after them. */
const DONE = new Set(['passed', 'failed']);

;// CONCATENATED MODULE: ./src/progress/render.ts
/** How often a log without a terminal repeats a platform that printed nothing new. */
const HEARTBEAT_MS = 60_000;
function terminalView(board, out, tickMs = 1000) {
    let drawn = 0;
    const clear = () => {
        // Up to the first live line, then erase to the end of the screen.
        if (drawn > 0)
            out.write(`\x1b[${drawn}F\x1b[J`);
        drawn = 0;
    };
    const draw = () => {
        const width = Math.max(20, (out.columns ?? 100) - 1);
        const lines = board.lines().map((l) => (l.length > width ? l.slice(0, width) : l));
        clear();
        if (lines.length > 0)
            out.write(lines.join('\n') + '\n');
        drawn = lines.length;
    };
    const timer = setInterval(draw, tickMs);
    timer.unref();
    return {
        update: draw,
        print(text) {
            clear();
            out.write(text.endsWith('\n') ? text : text + '\n');
            draw();
        },
        stop() {
            clearInterval(timer);
            clear();
        },
    };
}
function render_logView(board, 
/** Writes one line. */
write, 
/** Before each progress line (not before messages, which carry their own). */
prefix = '', heartbeatMs = HEARTBEAT_MS, tickMs = 5000) {
    const flush = () => {
        for (const line of board.changes(heartbeatMs))
            write(prefix + line);
    };
    const timer = setInterval(flush, tickMs);
    timer.unref();
    return {
        update: flush,
        print: write,
        stop() {
            clearInterval(timer);
            flush();
        },
    };
}

;// CONCATENATED MODULE: ./src/progress/loggers.ts



function cliLogger(mode, stderr = process.stderr, now = Date.now) {
    const board = new board_ProgressBoard(now);
    const view = mode !== 'progress'
        ? null
        : stderr.isTTY
            ? terminalView(board, stderr)
            : render_logView(board, (l) => void stderr.write(l + '\n'), `${version_TOOL_NAME}: `);
    const say = (line) => {
        if (view)
            view.print(line);
        else
            stderr.write(line + '\n');
    };
    return {
        info: (m) => mode !== 'quiet' && say(`${version_TOOL_NAME}: ${m}`),
        warning: (m) => say(`${version_TOOL_NAME}: warning: ${m}`),
        startGroup: (n) => mode === 'verbose' && say(`--- ${n}`),
        endGroup: () => undefined,
        output: (line, platform) => {
            if (mode === 'verbose')
                say(`[${platform}] ${line}`);
            else if (view) {
                board.output(platform, line);
                view.update();
            }
        },
        progress: (platform, stage) => {
            if (!view)
                return;
            board.stage(platform, stage);
            view.update();
        },
        print: say,
        close: () => view?.stop(),
    };
}
/**
 * Progress in the action's log, where every output line is streamed already: a line when a
 * platform enters a stage or a build step (with several platforms at once their output
 * interleaves), and a heartbeat for a platform silent for a minute.
 */
function withLogProgress(log, now = Date.now) {
    const board = new ProgressBoard(now);
    const view = logView(board, (l) => log.info(l));
    return {
        ...log,
        output: (line, platform) => {
            log.output(line, platform);
            board.output(platform, line);
            view.update();
        },
        progress: (platform, stage) => {
            board.stage(platform, stage);
            view.update();
        },
        print: (line) => log.info(line),
        close: () => view.stop(),
    };
}

;// CONCATENATED MODULE: ./src/cli.ts






















/** An error message as a CLI user should read it: "--timeout: '0' ...", not "timeout-minutes: '0' ...". */
function inFlags(err) {
    if (!(err instanceof InputError) || err.option === null)
        return errorMessage(err);
    return `${flagOf(err.option) ?? err.option}: ${err.detail}`;
}
/** -v streams everything, --quiet prints the table alone, and neither shows progress. */
function outputMode(verbose, quiet) {
    if (verbose && quiet)
        throw new InputError(null, '--verbose and --quiet ask for opposite things; give one of them');
    return verbose ? 'verbose' : quiet ? 'quiet' : 'progress';
}
function fixMode(value) {
    if (value === undefined || value === false)
        return null;
    if (value === 'write' || value === 'dry-run')
        return value;
    throw new InputError('fix', `'${String(value)}' is not dry-run; give --fix to write the fixes, or --fix=dry-run to show them`);
}
/** The fixes written (or shown, with --fix=dry-run); what could not be changed is said. */
async function applyFixes(fixes, opts, mode) {
    const out = (text) => void process.stdout.write(text);
    if (fixes.length === 0)
        return out('\n--fix: no fix to make\n');
    out('\n');
    const report = await writeFixes(fixes, opts, mode, out);
    for (const r of report.refused)
        process.stderr.write(`${version_TOOL_NAME}: --fix: ${r}\n`);
    const files = report.changed.join(', ');
    if (report.changed.length > 0)
        out(mode === 'write'
            ? `--fix: wrote ${files}\n`
            : `--fix=dry-run: would change ${files}; nothing written\n`);
}
function fixHint(count) {
    const what = count === 1 ? 'a fix' : `${count} fixes`;
    process.stdout.write(`\n${what} can be made by --fix (--fix=dry-run shows the diff)\n`);
}
/** Flags -> the action's raw options, so that both front ends share one parser. */
function parseCli(argv) {
    const { values, positionals } = readFlags(argv);
    const file = (name) => {
        const v = cliFlag(values, name);
        return typeof v === 'string' ? { [name]: v } : {};
    };
    return {
        raw: rawFromFlags(values, positionals),
        ...file('json'),
        ...file('markdown'),
        keepImages: cliFlag(values, 'keep-images') === true,
        lintOnly: cliFlag(values, 'lint-only') === true,
        fix: fixMode(cliFlag(values, 'fix')),
        output: outputMode(cliFlag(values, 'verbose') === true, cliFlag(values, 'quiet') === true),
        help: cliFlag(values, 'help') === true,
        version: cliFlag(values, 'version') === true,
    };
}
async function cli_main(argv) {
    let args;
    let opts;
    try {
        args = parseCli(argv);
        if (args.help) {
            process.stdout.write(USAGE + '\n');
            return 0;
        }
        if (args.version) {
            process.stdout.write(VERSION + '\n');
            return 0;
        }
        opts = parseOptions(args.raw, (0,external_node_process_namespaceObject.cwd)());
    }
    catch (err) {
        process.stderr.write(`${version_TOOL_NAME}: ${inFlags(err)}\n`);
        return 2;
    }
    if (args.lintOnly)
        return lintOnly(opts, args);
    // TFMC_TIMINGS=<file>: where the CLI's own time goes, for the benchmark (scripts/bench.mjs).
    const timings = { start: performance.timeOrigin };
    const docker = createDocker({ onCommand: () => void (timings.firstDocker ??= Date.now()) });
    const runId = makeRunId({});
    const abort = new AbortController();
    const log = cliLogger(args.output);
    const onSignal = () => {
        if (abort.signal.aborted) {
            // Asked twice: no waiting for builds to stop. Each docker command runs in its own process
            // group (docker/exec.ts), so it is killed here rather than left behind.
            killAll();
            process.exit(130);
        }
        log.print(`${version_TOOL_NAME}: interrupted; stopping builds and containers (again to stop at once)`);
        abort.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    log.info(opts.image
        ? `run ${runId}: checking the image ${opts.image.ref}; nothing is built, tagged or removed`
        : `run ${runId}: images ${imagePrefix(runId)}<platform>, ${args.keepImages ? 'kept' : 'removed'} at the end`);
    try {
        const results = await runCheck(opts, {
            docker,
            log,
            runId,
            signal: abort.signal,
        });
        timings.engineDone = Date.now();
        log.close();
        if (abort.signal.aborted)
            return 130;
        if (args.json)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(args.json), JSON.stringify(results, null, 2) + '\n');
        if (args.markdown)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(args.markdown), renderReport(results));
        process.stdout.write(`\n${textTable(results)}\n\n${verdictLine(results)}\n`);
        for (const p of results.platforms.filter((x) => !x.passed)) {
            process.stdout.write(`  ${p.platform}${p.required ? '' : ' (optional)'}: ${failureSummary(p)}\n`);
        }
        // How each image was started, when its ENTRYPOINT decided it.
        for (const line of invocationLines(results.platforms))
            process.stdout.write(`  ${line}\n`);
        if (args.fix)
            await applyFixes(results.fixes ?? [], opts, args.fix);
        else if (results.fixes?.length)
            fixHint(results.fixes.length);
        timings.reportsDone = Date.now();
        if (process.env.TFMC_TIMINGS) {
            await (0,promises_namespaceObject.writeFile)(process.env.TFMC_TIMINGS, JSON.stringify(timings) + '\n');
        }
        return results.passed ? 0 : 1;
    }
    catch (err) {
        process.stderr.write(`${version_TOOL_NAME}: ${inFlags(err)}\n`);
        return err instanceof InputError || err instanceof EnvironmentError ? 2 : 1;
    }
    finally {
        log.close();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        if (!args.keepImages || abort.signal.aborted)
            await cleanupRun(docker, runId).catch(() => undefined);
    }
}
/** The static phase alone: findings in seconds, without Docker. */
async function lintOnly(opts, args) {
    const lint = lintProject(opts);
    const { findings } = lint;
    const fixes = fixesFor(opts, lint);
    if (args.json) {
        const doc = { schemaVersion: 1, dockerfile: opts.dockerfile, findings, fixes };
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(args.json), JSON.stringify(doc, null, 2) + '\n');
    }
    if (findings.length === 0) {
        process.stdout.write(`${opts.dockerfile}: no findings for ${opts.platforms.map((p) => p.id).join(', ')}\n`);
        return 0;
    }
    for (const f of findings) {
        const d = f.diagnosis;
        const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : opts.dockerfile;
        process.stdout.write(`${where}: ${f.platform ?? 'all platforms'}: ${d.id}: ${d.title}\n  ${d.detail}\n  fix: ${d.fix}\n`);
    }
    if (args.fix)
        await applyFixes(fixes, opts, args.fix);
    else if (fixes.length > 0)
        fixHint(fixes.length);
    // An advisory finding (a build that succeeds, a waste) is said and fails nothing.
    return findings.some((f) => !isAdvisory(f.diagnosis)) ? 1 : 0;
}


/***/ }),

/***/ 898:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { valid, clean, explain, parse } = __nccwpck_require__(818);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __nccwpck_require__(124);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __nccwpck_require__(790);

const { major, minor, patch, inc } = __nccwpck_require__(940);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 124:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { parse } = __nccwpck_require__(818);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 940:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { explain, parse, stringify } = __nccwpck_require__(818);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 790:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __nccwpck_require__(818);

const Operator = __nccwpck_require__(124);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 818:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(318);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
