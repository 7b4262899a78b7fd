export async function prepareE2e() {}
