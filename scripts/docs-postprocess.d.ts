// Types for scripts/docs-postprocess.js (plain ESM, loaded by .eslint-doc-generatorrc.js).
export declare const TYPE_INFORMATION_EMOJI: string;
export declare const TYPE_INFORMATION_LEGEND: string;
export declare const TYPE_INFORMATION_NOTICE: string;
export declare function addTypeInformationColumn(content: string, usesTypeInformation: (name: string) => boolean): string;
export declare function addTypeInformationNotice(content: string): string;
export declare function createDocsPostprocess(
  rules: Readonly<Record<string, { meta?: { docs?: { usesTypeInformation?: boolean } } }>>,
): (content: string, pathToFile: string) => string;
