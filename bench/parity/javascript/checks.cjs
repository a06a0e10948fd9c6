module.exports = (output) => ({ pass: output.length > 3, score: output.length > 3 ? 1 : 0, reason: 'length' });
module.exports.longEnough = (output) => output.length >= 10;
